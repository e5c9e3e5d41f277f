"""Write ontologies/gazetteer.ttl, the bundled gazetteer of well-known actors and places.

Run from the repository root:  python scripts/build_gazetteer.py

The tables below are the source of the gazetteer; edit them and re-run rather than
editing the Turtle by hand. The script refuses to write a gazetteer in which two
entries share a name (label or alias, case-insensitively), a link points at an
unknown state, or an IRI is not the one kg/ontology.py mints for the label.

Wikidata ids (owl:sameAs) are given only where they were checked; None means
"not checked", never "has none". Borders follow UN-recognised states: places in
occupied or annexed areas are located in the state the UN recognises, and
Jerusalem, the Golan Heights, Kashmir and Western Sahara get no kg:locatedIn.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ontology import ENTITY_BASE, WIKIDATA_BASE, entity_iri  # noqa: E402

OUT = ROOT / "ontologies" / "gazetteer.ttl"

# (label, Wikidata id, aliases, demonyms): the 193 UN member states, the two
# observer states and Kosovo and Taiwan.
STATES: list[tuple[str, str | None, list[str], list[str]]] = [
    ("Afghanistan", "Q889", ["Islamic Emirate of Afghanistan", "Islamic Republic of Afghanistan"], ["Afghan"]),
    ("Albania", "Q222", ["Republic of Albania"], ["Albanian"]),
    ("Algeria", "Q262", ["People's Democratic Republic of Algeria"], ["Algerian"]),
    ("Andorra", "Q228", ["Principality of Andorra"], ["Andorran"]),
    ("Angola", "Q916", ["Republic of Angola"], ["Angolan"]),
    ("Antigua and Barbuda", "Q781", ["Antigua"], ["Antiguan", "Barbudan"]),
    ("Argentina", "Q414", ["Argentine Republic"], ["Argentine", "Argentinian"]),
    ("Armenia", "Q399", ["Republic of Armenia"], ["Armenian"]),
    ("Australia", "Q408", ["Commonwealth of Australia"], ["Australian"]),
    ("Austria", "Q40", ["Republic of Austria"], ["Austrian"]),
    ("Azerbaijan", "Q227", ["Republic of Azerbaijan"], ["Azerbaijani", "Azeri"]),
    ("Bahamas", "Q778", ["The Bahamas", "Commonwealth of The Bahamas"], ["Bahamian"]),
    ("Bahrain", "Q398", ["Kingdom of Bahrain"], ["Bahraini"]),
    ("Bangladesh", "Q902", ["People's Republic of Bangladesh"], ["Bangladeshi"]),
    ("Barbados", "Q244", [], ["Barbadian", "Bajan"]),
    ("Belarus", "Q184", ["Republic of Belarus", "Byelorussia"], ["Belarusian"]),
    ("Belgium", "Q31", ["Kingdom of Belgium"], ["Belgian"]),
    ("Belize", "Q242", [], ["Belizean"]),
    ("Benin", "Q962", ["Republic of Benin"], ["Beninese"]),
    ("Bhutan", "Q917", ["Kingdom of Bhutan"], ["Bhutanese"]),
    ("Bolivia", "Q750", ["Plurinational State of Bolivia"], ["Bolivian"]),
    ("Bosnia and Herzegovina", "Q225", ["Bosnia", "Bosnia-Herzegovina", "BiH"], ["Bosnian"]),
    ("Botswana", "Q963", ["Republic of Botswana"], ["Motswana", "Batswana"]),
    ("Brazil", "Q155", ["Federative Republic of Brazil"], ["Brazilian"]),
    ("Brunei", "Q921", ["Brunei Darussalam"], ["Bruneian"]),
    ("Bulgaria", "Q219", ["Republic of Bulgaria"], ["Bulgarian"]),
    ("Burkina Faso", "Q965", ["Burkina"], ["Burkinabe", "Burkinabè"]),
    ("Burundi", "Q967", ["Republic of Burundi"], ["Burundian"]),
    ("Cambodia", "Q424", ["Kingdom of Cambodia", "Kampuchea"], ["Cambodian"]),
    ("Cameroon", "Q1009", ["Republic of Cameroon"], ["Cameroonian"]),
    ("Canada", "Q16", [], ["Canadian"]),
    ("Cape Verde", "Q1011", ["Cabo Verde", "Republic of Cabo Verde"], ["Cape Verdean", "Cabo Verdean"]),
    ("Central African Republic", "Q929", ["CAR"], ["Central African"]),
    ("Chad", "Q657", ["Republic of Chad"], ["Chadian"]),
    ("Chile", "Q298", ["Republic of Chile"], ["Chilean"]),
    ("China", "Q148", ["People's Republic of China", "PRC", "Mainland China"], ["Chinese"]),
    ("Colombia", "Q739", ["Republic of Colombia"], ["Colombian"]),
    ("Comoros", "Q970", ["Union of the Comoros"], ["Comorian"]),
    # "Congolese" is left out for both Congos: it names either.
    ("Republic of the Congo", "Q971", ["Congo-Brazzaville", "Congo Republic", "Republic of Congo"], []),
    ("Costa Rica", "Q800", [], ["Costa Rican"]),
    ("Ivory Coast", "Q1008", ["Côte d'Ivoire", "Cote d'Ivoire", "Republic of Côte d'Ivoire"], ["Ivorian"]),
    ("Croatia", "Q224", ["Republic of Croatia"], ["Croatian", "Croat"]),
    ("Cuba", "Q241", ["Republic of Cuba"], ["Cuban"]),
    ("Cyprus", "Q229", ["Republic of Cyprus"], ["Cypriot"]),
    ("Czech Republic", "Q213", ["Czechia"], ["Czech"]),
    ("North Korea", "Q423", ["Democratic People's Republic of Korea", "DPRK"], ["North Korean"]),
    (
        "Democratic Republic of the Congo",
        "Q974",
        ["DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"],
        [],
    ),
    ("Denmark", "Q35", ["Kingdom of Denmark"], ["Danish", "Dane"]),
    ("Djibouti", "Q977", ["Republic of Djibouti"], ["Djiboutian"]),
    # "Dominican" is kept for the Dominican Republic, where news uses it.
    ("Dominica", "Q784", ["Commonwealth of Dominica"], []),
    ("Dominican Republic", "Q786", [], ["Dominican"]),
    ("Ecuador", "Q736", ["Republic of Ecuador"], ["Ecuadorian"]),
    ("Egypt", "Q79", ["Arab Republic of Egypt"], ["Egyptian"]),
    ("El Salvador", "Q792", [], ["Salvadoran", "Salvadorean"]),
    ("Equatorial Guinea", "Q983", [], ["Equatoguinean", "Equatorial Guinean"]),
    ("Eritrea", "Q986", ["State of Eritrea"], ["Eritrean"]),
    ("Estonia", "Q191", ["Republic of Estonia"], ["Estonian"]),
    ("Eswatini", "Q1050", ["Swaziland", "Kingdom of Eswatini"], ["Swazi"]),
    ("Ethiopia", "Q115", ["Federal Democratic Republic of Ethiopia"], ["Ethiopian"]),
    ("Fiji", "Q712", ["Republic of Fiji"], ["Fijian"]),
    ("Finland", "Q33", ["Republic of Finland"], ["Finnish", "Finn"]),
    ("France", "Q142", ["French Republic"], ["French"]),
    ("Gabon", "Q1000", ["Gabonese Republic"], ["Gabonese"]),
    ("Gambia", "Q1005", ["The Gambia", "Republic of The Gambia"], ["Gambian"]),
    ("Georgia", "Q230", ["Sakartvelo"], ["Georgian"]),
    ("Germany", "Q183", ["Federal Republic of Germany"], ["German"]),
    ("Ghana", "Q117", ["Republic of Ghana"], ["Ghanaian"]),
    ("Greece", "Q41", ["Hellenic Republic", "Hellas"], ["Greek"]),
    ("Grenada", "Q769", [], ["Grenadian"]),
    ("Guatemala", "Q774", ["Republic of Guatemala"], ["Guatemalan"]),
    ("Guinea", "Q1006", ["Republic of Guinea", "Guinea-Conakry"], ["Guinean"]),
    ("Guinea-Bissau", "Q1007", ["Guinea Bissau", "Republic of Guinea-Bissau"], ["Bissau-Guinean"]),
    ("Guyana", "Q734", ["Co-operative Republic of Guyana"], ["Guyanese"]),
    ("Haiti", "Q790", ["Republic of Haiti"], ["Haitian"]),
    ("Honduras", "Q783", ["Republic of Honduras"], ["Honduran"]),
    ("Hungary", "Q28", [], ["Hungarian"]),
    ("Iceland", "Q189", [], ["Icelandic", "Icelander"]),
    ("India", "Q668", ["Republic of India", "Bharat"], ["Indian"]),
    ("Indonesia", "Q252", ["Republic of Indonesia"], ["Indonesian"]),
    ("Iran", "Q794", ["Islamic Republic of Iran"], ["Iranian"]),
    ("Iraq", "Q796", ["Republic of Iraq"], ["Iraqi"]),
    ("Ireland", "Q27", ["Republic of Ireland", "Éire", "Eire"], ["Irish"]),
    ("Israel", "Q801", ["State of Israel"], ["Israeli"]),
    ("Italy", "Q38", ["Italian Republic"], ["Italian"]),
    ("Jamaica", "Q766", [], ["Jamaican"]),
    ("Japan", "Q17", [], ["Japanese"]),
    ("Jordan", "Q810", ["Hashemite Kingdom of Jordan"], ["Jordanian"]),
    ("Kazakhstan", "Q232", ["Republic of Kazakhstan"], ["Kazakh", "Kazakhstani"]),
    ("Kenya", "Q114", ["Republic of Kenya"], ["Kenyan"]),
    ("Kiribati", "Q710", ["Republic of Kiribati"], ["I-Kiribati"]),
    ("Kuwait", "Q817", ["State of Kuwait"], ["Kuwaiti"]),
    ("Kyrgyzstan", "Q813", ["Kyrgyz Republic", "Kirghizia"], ["Kyrgyz", "Kyrgyzstani"]),
    ("Laos", "Q819", ["Lao People's Democratic Republic", "Lao PDR"], ["Lao", "Laotian"]),
    ("Latvia", "Q211", ["Republic of Latvia"], ["Latvian"]),
    ("Lebanon", "Q822", ["Lebanese Republic"], ["Lebanese"]),
    ("Lesotho", "Q1013", ["Kingdom of Lesotho"], ["Mosotho", "Basotho"]),
    ("Liberia", "Q1014", ["Republic of Liberia"], ["Liberian"]),
    ("Libya", "Q1016", ["State of Libya"], ["Libyan"]),
    ("Liechtenstein", "Q347", ["Principality of Liechtenstein"], ["Liechtensteiner"]),
    ("Lithuania", "Q37", ["Republic of Lithuania"], ["Lithuanian"]),
    ("Luxembourg", "Q32", ["Grand Duchy of Luxembourg"], ["Luxembourgish", "Luxembourger"]),
    ("Madagascar", "Q1019", ["Republic of Madagascar"], ["Malagasy"]),
    ("Malawi", "Q1020", ["Republic of Malawi"], ["Malawian"]),
    ("Malaysia", "Q833", [], ["Malaysian"]),
    ("Maldives", "Q826", ["Republic of Maldives", "the Maldives"], ["Maldivian"]),
    ("Mali", "Q912", ["Republic of Mali"], ["Malian"]),
    ("Malta", "Q233", ["Republic of Malta"], ["Maltese"]),
    ("Marshall Islands", "Q709", ["Republic of the Marshall Islands"], ["Marshallese"]),
    ("Mauritania", "Q1025", ["Islamic Republic of Mauritania"], ["Mauritanian"]),
    ("Mauritius", "Q1027", ["Republic of Mauritius"], ["Mauritian"]),
    ("Mexico", "Q96", ["United Mexican States"], ["Mexican"]),
    ("Micronesia", "Q702", ["Federated States of Micronesia"], ["Micronesian"]),
    ("Moldova", "Q217", ["Republic of Moldova"], ["Moldovan"]),
    ("Monaco", "Q235", ["Principality of Monaco"], ["Monegasque"]),
    ("Mongolia", "Q711", [], ["Mongolian"]),
    ("Montenegro", "Q236", [], ["Montenegrin"]),
    ("Morocco", "Q1028", ["Kingdom of Morocco"], ["Moroccan"]),
    ("Mozambique", "Q1029", ["Republic of Mozambique"], ["Mozambican"]),
    ("Myanmar", "Q836", ["Burma", "Republic of the Union of Myanmar"], ["Burmese"]),
    ("Namibia", "Q1030", ["Republic of Namibia"], ["Namibian"]),
    ("Nauru", "Q697", ["Republic of Nauru"], ["Nauruan"]),
    ("Nepal", "Q837", [], ["Nepali", "Nepalese"]),
    ("Netherlands", "Q55", ["the Netherlands", "Holland", "Kingdom of the Netherlands"], ["Dutch"]),
    ("New Zealand", "Q664", ["Aotearoa"], ["New Zealander"]),
    ("Nicaragua", "Q811", ["Republic of Nicaragua"], ["Nicaraguan"]),
    ("Niger", "Q1032", ["Republic of the Niger"], ["Nigerien"]),
    ("Nigeria", "Q1033", ["Federal Republic of Nigeria"], ["Nigerian"]),
    ("North Macedonia", "Q221", ["Macedonia", "Republic of North Macedonia"], ["Macedonian"]),
    ("Norway", "Q20", ["Kingdom of Norway"], ["Norwegian"]),
    ("Oman", "Q842", ["Sultanate of Oman"], ["Omani"]),
    ("Pakistan", "Q843", ["Islamic Republic of Pakistan"], ["Pakistani"]),
    ("Palau", "Q695", ["Republic of Palau"], ["Palauan"]),
    ("Panama", "Q804", ["Republic of Panama"], ["Panamanian"]),
    ("Papua New Guinea", "Q691", ["PNG"], ["Papua New Guinean"]),
    ("Paraguay", "Q733", ["Republic of Paraguay"], ["Paraguayan"]),
    ("Peru", "Q419", ["Republic of Peru"], ["Peruvian"]),
    ("Philippines", "Q928", ["the Philippines", "Republic of the Philippines"], ["Filipino", "Philippine"]),
    ("Poland", "Q36", ["Republic of Poland"], ["Polish", "Pole"]),
    ("Portugal", "Q45", ["Portuguese Republic"], ["Portuguese"]),
    ("Qatar", "Q846", ["State of Qatar"], ["Qatari"]),
    ("South Korea", "Q884", ["Republic of Korea", "ROK"], ["South Korean"]),
    ("Romania", "Q218", [], ["Romanian"]),
    ("Russia", "Q159", ["Russian Federation"], ["Russian"]),
    ("Rwanda", "Q1037", ["Republic of Rwanda"], ["Rwandan"]),
    ("Saint Kitts and Nevis", "Q763", ["St Kitts and Nevis", "St. Kitts and Nevis"], ["Kittitian", "Nevisian"]),
    ("Saint Lucia", "Q760", ["St Lucia", "St. Lucia"], ["Saint Lucian"]),
    (
        "Saint Vincent and the Grenadines",
        "Q757",
        ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
        ["Vincentian"],
    ),
    ("Samoa", "Q683", ["Independent State of Samoa"], ["Samoan"]),
    ("San Marino", "Q238", ["Republic of San Marino"], ["Sammarinese"]),
    ("São Tomé and Príncipe", "Q1039", ["Sao Tome and Principe"], ["Santomean"]),
    ("Saudi Arabia", "Q851", ["Kingdom of Saudi Arabia", "KSA"], ["Saudi", "Saudi Arabian"]),
    ("Senegal", "Q1041", ["Republic of Senegal"], ["Senegalese"]),
    ("Serbia", "Q403", ["Republic of Serbia"], ["Serbian", "Serb"]),
    ("Seychelles", "Q1042", ["Republic of Seychelles"], ["Seychellois"]),
    ("Sierra Leone", "Q1044", ["Republic of Sierra Leone"], ["Sierra Leonean"]),
    ("Singapore", "Q334", ["Republic of Singapore"], ["Singaporean"]),
    ("Slovakia", "Q214", ["Slovak Republic"], ["Slovak"]),
    ("Slovenia", "Q215", ["Republic of Slovenia"], ["Slovenian", "Slovene"]),
    ("Solomon Islands", "Q685", [], ["Solomon Islander"]),
    ("Somalia", "Q1045", ["Federal Republic of Somalia"], ["Somali"]),
    ("South Africa", "Q258", ["Republic of South Africa", "RSA"], ["South African"]),
    ("South Sudan", "Q958", ["Republic of South Sudan"], ["South Sudanese"]),
    ("Spain", "Q29", ["Kingdom of Spain"], ["Spanish", "Spaniard"]),
    ("Sri Lanka", "Q854", ["Ceylon"], ["Sri Lankan"]),
    ("Sudan", "Q1049", ["Republic of the Sudan", "the Sudan"], ["Sudanese"]),
    ("Suriname", "Q730", ["Republic of Suriname", "Surinam"], ["Surinamese"]),
    ("Sweden", "Q34", ["Kingdom of Sweden"], ["Swedish", "Swede"]),
    ("Switzerland", "Q39", ["Swiss Confederation"], ["Swiss"]),
    ("Syria", "Q858", ["Syrian Arab Republic"], ["Syrian"]),
    ("Tajikistan", "Q863", ["Republic of Tajikistan"], ["Tajik", "Tajikistani"]),
    ("Tanzania", "Q924", ["United Republic of Tanzania"], ["Tanzanian"]),
    ("Thailand", "Q869", ["Kingdom of Thailand", "Siam"], ["Thai"]),
    ("East Timor", "Q574", ["Timor-Leste", "Democratic Republic of Timor-Leste"], ["Timorese", "East Timorese"]),
    ("Togo", "Q945", ["Togolese Republic"], ["Togolese"]),
    ("Tonga", "Q678", ["Kingdom of Tonga"], ["Tongan"]),
    ("Trinidad and Tobago", "Q754", ["Trinidad"], ["Trinidadian", "Tobagonian"]),
    ("Tunisia", "Q948", ["Republic of Tunisia"], ["Tunisian"]),
    ("Turkey", "Q43", ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"], ["Turkish", "Turk"]),
    ("Turkmenistan", "Q874", [], ["Turkmen"]),
    ("Tuvalu", "Q672", [], ["Tuvaluan"]),
    ("Uganda", "Q1036", ["Republic of Uganda"], ["Ugandan"]),
    ("Ukraine", "Q212", [], ["Ukrainian"]),
    ("United Arab Emirates", "Q878", ["UAE", "U.A.E."], ["Emirati"]),
    (
        "United Kingdom",
        "Q145",
        ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
        ["British", "Briton"],
    ),
    ("United States", "Q30", ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America"], ["American"]),
    ("Uruguay", "Q77", ["Oriental Republic of Uruguay"], ["Uruguayan"]),
    ("Uzbekistan", "Q265", ["Republic of Uzbekistan"], ["Uzbek", "Uzbekistani"]),
    ("Vanuatu", "Q686", ["Republic of Vanuatu"], ["Ni-Vanuatu"]),
    ("Venezuela", "Q717", ["Bolivarian Republic of Venezuela"], ["Venezuelan"]),
    ("Vietnam", "Q881", ["Viet Nam", "Socialist Republic of Vietnam"], ["Vietnamese"]),
    ("Yemen", "Q805", ["Republic of Yemen"], ["Yemeni"]),
    ("Zambia", "Q953", ["Republic of Zambia"], ["Zambian"]),
    ("Zimbabwe", "Q954", ["Republic of Zimbabwe"], ["Zimbabwean"]),
    # UN observer states, and states with limited recognition that news treats as states
    ("Palestine", "Q219060", ["State of Palestine"], ["Palestinian"]),
    ("Vatican City", "Q237", ["Vatican", "Holy See", "Vatican City State"], []),
    ("Kosovo", "Q1246", ["Republic of Kosovo"], ["Kosovar", "Kosovan"]),
    ("Taiwan", "Q865", ["Republic of China", "ROC"], ["Taiwanese"]),
]

# National capitals: (label, state label or None, Wikidata id, aliases). A capital is
# also written kg:capitalOf its state: "Moscow accused Kyiv" names two states.
CAPITALS: list[tuple[str, str | None, str | None, list[str]]] = [
    ("Kabul", "Afghanistan", "Q5838", []),
    ("Tirana", "Albania", "Q19689", ["Tiranë"]),
    ("Algiers", "Algeria", "Q3561", []),
    ("Andorra la Vella", "Andorra", "Q1863", []),
    ("Luanda", "Angola", "Q3897", []),
    ("Buenos Aires", "Argentina", "Q1486", []),
    ("Yerevan", "Armenia", "Q1953", []),
    ("Canberra", "Australia", "Q3114", []),
    ("Vienna", "Austria", "Q1741", ["Wien"]),
    ("Baku", "Azerbaijan", "Q9248", []),
    ("Nassau", "Bahamas", "Q2467", []),
    ("Manama", "Bahrain", "Q3882", []),
    ("Dhaka", "Bangladesh", "Q1354", ["Dacca"]),
    ("Bridgetown", "Barbados", "Q36168", []),
    ("Minsk", "Belarus", "Q2280", []),
    ("Brussels", "Belgium", "Q239", ["Bruxelles"]),
    ("Belmopan", "Belize", "Q3043", []),
    ("Porto-Novo", "Benin", "Q3799", []),
    ("Thimphu", "Bhutan", "Q9270", []),
    ("Sucre", "Bolivia", "Q2907", []),
    ("Sarajevo", "Bosnia and Herzegovina", "Q11194", []),
    ("Gaborone", "Botswana", "Q3919", []),
    ("Brasília", "Brazil", "Q2844", ["Brasilia"]),
    ("Bandar Seri Begawan", "Brunei", "Q9279", []),
    ("Sofia", "Bulgaria", "Q472", []),
    ("Ouagadougou", "Burkina Faso", "Q3777", []),
    ("Gitega", "Burundi", "Q167551", []),
    ("Phnom Penh", "Cambodia", "Q1850", []),
    ("Yaoundé", "Cameroon", "Q3808", ["Yaounde"]),
    ("Ottawa", "Canada", "Q1930", []),
    ("Praia", "Cape Verde", "Q3751", []),
    ("Bangui", "Central African Republic", "Q3832", []),
    ("N'Djamena", "Chad", "Q3659", ["Ndjamena", "N'Djaména"]),
    ("Santiago", "Chile", "Q2887", ["Santiago de Chile"]),
    ("Beijing", "China", "Q956", ["Peking"]),
    ("Bogotá", "Colombia", "Q2841", ["Bogota"]),
    ("Moroni", "Comoros", "Q3901", []),
    ("Brazzaville", "Republic of the Congo", "Q3844", []),
    ("Yamoussoukro", "Ivory Coast", "Q3768", []),
    ("Zagreb", "Croatia", "Q1435", []),
    ("Havana", "Cuba", "Q1563", ["La Habana"]),
    ("Nicosia", "Cyprus", "Q3856", ["Lefkosia"]),
    ("Prague", "Czech Republic", "Q1085", ["Praha"]),
    ("Pyongyang", "North Korea", None, []),
    ("Kinshasa", "Democratic Republic of the Congo", "Q3838", []),
    ("Copenhagen", "Denmark", "Q1748", []),
    ("Djibouti City", "Djibouti", "Q3604", []),
    ("Roseau", "Dominica", "Q36281", []),
    ("Santo Domingo", "Dominican Republic", "Q34820", []),
    ("Quito", "Ecuador", "Q2900", []),
    ("Cairo", "Egypt", "Q85", []),
    ("San Salvador", "El Salvador", "Q3110", []),
    ("Malabo", "Equatorial Guinea", "Q3818", []),
    ("Asmara", "Eritrea", "Q3642", ["Asmera"]),
    ("Tallinn", "Estonia", "Q1770", []),
    ("Lobamba", "Eswatini", "Q101418", []),
    ("Mbabane", "Eswatini", None, []),
    ("Addis Ababa", "Ethiopia", "Q3624", ["Addis Abeba"]),
    ("Suva", "Fiji", "Q38807", []),
    ("Helsinki", "Finland", "Q1757", []),
    ("Paris", "France", "Q90", []),
    ("Libreville", "Gabon", "Q3825", []),
    ("Banjul", "Gambia", "Q3726", []),
    ("Tbilisi", "Georgia", "Q994", ["Tiflis"]),
    ("Berlin", "Germany", "Q64", []),
    ("Accra", "Ghana", "Q3761", []),
    ("Athens", "Greece", "Q1524", []),
    ("Guatemala City", "Guatemala", "Q1555", []),
    ("Conakry", "Guinea", "Q3733", []),
    ("Bissau", "Guinea-Bissau", "Q3739", []),
    ("Port-au-Prince", "Haiti", "Q34261", []),
    ("Tegucigalpa", "Honduras", "Q3238", []),
    ("Budapest", "Hungary", "Q1781", []),
    ("Reykjavík", "Iceland", "Q1764", ["Reykjavik"]),
    ("New Delhi", "India", "Q987", []),
    ("Jakarta", "Indonesia", "Q3630", []),
    ("Tehran", "Iran", "Q3616", ["Teheran"]),
    ("Baghdad", "Iraq", "Q1530", []),
    ("Dublin", "Ireland", "Q1761", []),
    # Jerusalem: no kg:locatedIn, its status is disputed.
    ("Jerusalem", None, "Q1218", ["Al-Quds"]),
    ("Rome", "Italy", "Q220", ["Roma"]),
    ("Tokyo", "Japan", "Q1490", []),
    ("Amman", "Jordan", "Q3805", []),
    ("Astana", "Kazakhstan", "Q1520", ["Nur-Sultan"]),
    ("Nairobi", "Kenya", "Q3870", []),
    ("South Tarawa", "Kiribati", "Q131233", ["Tarawa"]),
    ("Kuwait City", "Kuwait", "Q35178", []),
    ("Bishkek", "Kyrgyzstan", "Q9361", []),
    ("Vientiane", "Laos", "Q9326", []),
    ("Riga", "Latvia", "Q1773", []),
    ("Beirut", "Lebanon", "Q3820", ["Beyrouth"]),
    ("Maseru", "Lesotho", "Q3909", []),
    ("Monrovia", "Liberia", "Q3748", []),
    ("Tripoli", "Libya", "Q3579", []),
    ("Vaduz", "Liechtenstein", "Q1844", []),
    ("Vilnius", "Lithuania", "Q216", []),
    ("Luxembourg City", "Luxembourg", "Q1842", []),
    ("Antananarivo", "Madagascar", "Q3915", []),
    ("Lilongwe", "Malawi", "Q3876", []),
    ("Kuala Lumpur", "Malaysia", "Q1865", []),
    ("Malé", "Maldives", "Q9347", []),
    ("Bamako", "Mali", "Q3703", []),
    ("Valletta", "Malta", "Q23800", []),
    ("Majuro", "Marshall Islands", "Q12919", []),
    ("Nouakchott", "Mauritania", "Q3688", []),
    ("Port Louis", "Mauritius", "Q3929", []),
    ("Mexico City", "Mexico", "Q1489", ["Ciudad de México"]),
    ("Palikir", "Micronesia", "Q42751", []),
    ("Chișinău", "Moldova", "Q21197", ["Chisinau", "Kishinev"]),
    ("Ulaanbaatar", "Mongolia", "Q23430", ["Ulan Bator"]),
    ("Podgorica", "Montenegro", "Q23564", []),
    ("Rabat", "Morocco", "Q3551", []),
    ("Maputo", "Mozambique", "Q3889", []),
    ("Naypyidaw", "Myanmar", "Q37400", ["Nay Pyi Taw", "Naypyitaw"]),
    ("Windhoek", "Namibia", "Q3935", []),
    ("Kathmandu", "Nepal", "Q3037", []),
    ("Amsterdam", "Netherlands", "Q727", []),
    ("Wellington", "New Zealand", "Q23661", []),
    ("Managua", "Nicaragua", "Q3274", []),
    ("Niamey", "Niger", "Q3674", []),
    ("Abuja", "Nigeria", "Q3787", []),
    ("Skopje", "North Macedonia", "Q384", []),
    ("Oslo", "Norway", "Q585", []),
    ("Muscat", "Oman", "Q3826", []),
    ("Islamabad", "Pakistan", "Q1362", []),
    ("Ngerulmud", "Palau", "Q515229", []),
    ("Panama City", "Panama", "Q3306", []),
    ("Port Moresby", "Papua New Guinea", "Q36526", []),
    ("Asunción", "Paraguay", "Q2933", ["Asuncion"]),
    ("Lima", "Peru", "Q2868", []),
    ("Manila", "Philippines", "Q1461", []),
    ("Warsaw", "Poland", "Q270", ["Warszawa"]),
    ("Lisbon", "Portugal", "Q597", ["Lisboa"]),
    ("Doha", "Qatar", "Q3861", []),
    ("Seoul", "South Korea", "Q8684", []),
    ("Bucharest", "Romania", "Q19660", ["București"]),
    ("Moscow", "Russia", "Q649", ["Moskva"]),
    ("Kigali", "Rwanda", "Q3859", []),
    ("Basseterre", "Saint Kitts and Nevis", "Q41295", []),
    ("Castries", "Saint Lucia", "Q41699", []),
    ("Kingstown", "Saint Vincent and the Grenadines", "Q41474", []),
    ("Apia", "Samoa", "Q36260", []),
    ("São Tomé", "São Tomé and Príncipe", "Q3932", ["Sao Tome"]),
    ("Riyadh", "Saudi Arabia", "Q3692", []),
    ("Dakar", "Senegal", "Q3718", []),
    ("Belgrade", "Serbia", "Q3711", ["Beograd"]),
    ("Freetown", "Sierra Leone", "Q3780", []),
    ("Bratislava", "Slovakia", "Q1780", []),
    ("Ljubljana", "Slovenia", "Q437", []),
    ("Honiara", "Solomon Islands", "Q40921", []),
    ("Mogadishu", "Somalia", "Q2449", ["Muqdisho"]),
    ("Pretoria", "South Africa", None, ["Tshwane"]),
    ("Juba", "South Sudan", "Q1947", []),
    ("Madrid", "Spain", "Q2807", []),
    ("Sri Jayawardenepura Kotte", "Sri Lanka", "Q41963", ["Kotte"]),
    ("Colombo", "Sri Lanka", None, []),
    ("Khartoum", "Sudan", "Q1963", []),
    ("Paramaribo", "Suriname", "Q3001", []),
    ("Stockholm", "Sweden", "Q1754", []),
    ("Bern", "Switzerland", "Q70", ["Berne"]),
    ("Damascus", "Syria", "Q3766", []),
    ("Dushanbe", "Tajikistan", "Q9365", []),
    ("Dodoma", "Tanzania", "Q3866", []),
    ("Bangkok", "Thailand", "Q1861", []),
    ("Dili", "East Timor", "Q9310", []),
    ("Lomé", "Togo", "Q3792", ["Lome"]),
    ("Nuku'alofa", "Tonga", "Q38834", []),
    ("Port of Spain", "Trinidad and Tobago", "Q39178", []),
    ("Tunis", "Tunisia", "Q3572", []),
    ("Ankara", "Turkey", "Q3640", []),
    ("Ashgabat", "Turkmenistan", "Q23438", ["Ashkhabad"]),
    ("Funafuti", "Tuvalu", "Q34126", []),
    ("Kampala", "Uganda", "Q3894", []),
    ("Kyiv", "Ukraine", "Q1899", ["Kiev"]),
    ("Abu Dhabi", "United Arab Emirates", "Q1519", []),
    ("London", "United Kingdom", "Q84", []),
    ("Washington", "United States", "Q61", ["Washington DC", "Washington, D.C.", "Washington D.C."]),
    ("Montevideo", "Uruguay", "Q1335", []),
    ("Tashkent", "Uzbekistan", "Q269", []),
    ("Port Vila", "Vanuatu", "Q37806", []),
    ("Caracas", "Venezuela", "Q1533", []),
    ("Hanoi", "Vietnam", "Q1858", ["Ha Noi"]),
    ("Sanaa", "Yemen", "Q2471", ["Sana'a", "Sanaʽa"]),  # not "Sana": that is the Syrian news agency
    ("Lusaka", "Zambia", "Q3881", []),
    ("Harare", "Zimbabwe", "Q3921", []),
    ("Ramallah", "Palestine", None, []),
    ("Pristina", "Kosovo", None, ["Prishtina", "Priština"]),
    ("Taipei", "Taiwan", "Q1867", []),
]

# Other cities: (label, state label or None, Wikidata id, aliases)
CITIES: list[tuple[str, str | None, str | None, list[str]]] = [
    # Iraq
    ("Erbil", "Iraq", "Q130746", ["Irbil", "Arbil", "Hewler", "Hawler"]),
    ("Mosul", "Iraq", None, []),
    ("Basra", "Iraq", "Q48195", ["Basrah"]),
    ("Kirkuk", "Iraq", None, []),
    ("Najaf", "Iraq", None, []),
    ("Karbala", "Iraq", None, ["Kerbala"]),
    ("Fallujah", "Iraq", None, ["Falluja"]),
    ("Ramadi", "Iraq", None, []),
    ("Tikrit", "Iraq", None, []),
    ("Samarra", "Iraq", None, []),
    ("Sulaymaniyah", "Iraq", None, ["Sulaimaniya", "Suleimaniyah", "Slemani", "Sulaimani"]),
    # Iran
    ("Isfahan", "Iran", None, ["Esfahan"]),
    ("Mashhad", "Iran", None, []),
    ("Tabriz", "Iran", None, []),
    ("Shiraz", "Iran", None, []),
    ("Qom", "Iran", None, []),
    ("Ahvaz", "Iran", None, ["Ahwaz"]),
    ("Bandar Abbas", "Iran", None, []),
    # Syria
    ("Aleppo", "Syria", "Q41183", ["Halab"]),
    ("Homs", "Syria", None, []),
    ("Hama", "Syria", None, []),
    ("Idlib", "Syria", None, ["Idleb"]),
    ("Raqqa", "Syria", None, ["Raqqah", "al-Raqqa", "Ar-Raqqah"]),
    ("Deir ez-Zor", "Syria", None, ["Deir al-Zour", "Deir ez-Zour", "Deir Ezzor", "Deir el-Zour"]),
    ("Latakia", "Syria", None, ["Lattakia"]),
    ("Tartus", "Syria", None, ["Tartous"]),
    ("Daraa", "Syria", None, ["Deraa", "Dar'a"]),
    ("Qamishli", "Syria", None, ["Qamishlo"]),
    ("Kobani", "Syria", None, ["Kobane", "Ayn al-Arab", "Ain al-Arab"]),
    ("Palmyra", "Syria", None, ["Tadmur"]),
    # Lebanon, Palestine, Israel
    ("Tyre", "Lebanon", None, ["Sour"]),
    ("Sidon", "Lebanon", None, ["Saida"]),
    ("Baalbek", "Lebanon", None, []),
    ("Gaza City", "Palestine", None, []),
    ("Khan Younis", "Palestine", None, ["Khan Yunis"]),
    ("Rafah", "Palestine", None, []),
    ("Hebron", "Palestine", None, ["Al-Khalil"]),
    ("Nablus", "Palestine", None, []),
    ("Jenin", "Palestine", None, []),
    ("Bethlehem", "Palestine", None, []),
    ("Tel Aviv", "Israel", "Q33935", ["Tel Aviv-Yafo", "Tel Aviv-Jaffa"]),
    ("Haifa", "Israel", None, []),
    ("Eilat", "Israel", None, []),
    ("Ashkelon", "Israel", None, []),
    ("Beersheba", "Israel", None, ["Beer Sheva", "Be'er Sheva"]),
    # Arabian Peninsula, Egypt, Turkey
    ("Jeddah", "Saudi Arabia", "Q374365", ["Jiddah", "Jidda"]),
    ("Mecca", "Saudi Arabia", "Q5806", ["Makkah"]),
    ("Dubai", "United Arab Emirates", "Q612", []),
    ("Aden", "Yemen", "Q131694", []),
    ("Hodeidah", "Yemen", None, ["Hudaydah", "Al Hudaydah", "Hodeida"]),
    ("Marib", "Yemen", None, ["Ma'rib"]),
    ("Taiz", "Yemen", None, ["Ta'izz"]),
    ("Mukalla", "Yemen", None, []),
    ("Istanbul", "Turkey", "Q406", []),
    ("Diyarbakır", "Turkey", None, ["Diyarbakir"]),
    # Ukraine and Russia
    ("Kharkiv", "Ukraine", "Q42308", ["Kharkov"]),
    ("Odesa", "Ukraine", "Q1874", ["Odessa"]),
    ("Lviv", "Ukraine", "Q36036", ["Lvov", "Lwów", "Lemberg"]),
    ("Dnipro", "Ukraine", None, ["Dnipropetrovsk", "Dnepr"]),
    ("Zaporizhzhia", "Ukraine", None, ["Zaporizhia", "Zaporozhye", "Zaporizhzhya"]),
    ("Mariupol", "Ukraine", None, []),
    ("Kherson", "Ukraine", None, []),
    ("Mykolaiv", "Ukraine", None, ["Nikolaev", "Mykolayiv"]),
    ("Sumy", "Ukraine", None, []),
    ("Chernihiv", "Ukraine", None, []),
    ("Donetsk", "Ukraine", None, []),
    ("Luhansk", "Ukraine", None, ["Lugansk"]),
    ("Bakhmut", "Ukraine", None, ["Artemivsk"]),
    ("Sevastopol", "Ukraine", None, []),
    ("Simferopol", "Ukraine", None, []),
    ("Saint Petersburg", "Russia", "Q656", ["St Petersburg", "St. Petersburg"]),
    ("Belgorod", "Russia", None, []),
    ("Kursk", "Russia", None, []),
    ("Rostov-on-Don", "Russia", None, []),
    ("Grozny", "Russia", None, []),
    # Sudan, Horn of Africa, Sahel, Libya, Great Lakes
    ("Omdurman", "Sudan", None, []),
    ("Port Sudan", "Sudan", None, []),
    ("El Fasher", "Sudan", None, ["al-Fashir", "El Fashir", "Al-Fasher"]),
    ("Nyala", "Sudan", None, []),
    ("El Geneina", "Sudan", None, ["Geneina"]),
    ("Kismayo", "Somalia", None, ["Kismaayo", "Kismayu"]),
    ("Baidoa", "Somalia", None, []),
    ("Mekelle", "Ethiopia", None, ["Mekele", "Makelle"]),
    ("Timbuktu", "Mali", None, ["Tombouctou"]),
    ("Gao", "Mali", None, []),
    ("Kidal", "Mali", None, []),
    ("Mopti", "Mali", None, []),
    ("Maiduguri", "Nigeria", None, []),
    ("Lagos", "Nigeria", None, []),
    ("Kano", "Nigeria", None, []),
    ("Benghazi", "Libya", None, []),
    ("Misrata", "Libya", None, ["Misurata", "Misratah"]),
    ("Sirte", "Libya", None, ["Sirt"]),
    ("Goma", "Democratic Republic of the Congo", None, []),
    ("Bukavu", "Democratic Republic of the Congo", None, []),
    ("Abidjan", "Ivory Coast", None, []),
    ("Dar es Salaam", "Tanzania", None, []),
    ("Cotonou", "Benin", None, []),
    ("Bujumbura", "Burundi", None, []),
    # Afghanistan, Pakistan, India, Myanmar
    ("Kandahar", "Afghanistan", None, []),
    ("Herat", "Afghanistan", None, []),
    ("Mazar-i-Sharif", "Afghanistan", None, ["Mazar-e Sharif", "Mazar-e-Sharif"]),
    ("Jalalabad", "Afghanistan", None, []),
    ("Kunduz", "Afghanistan", None, []),
    ("Karachi", "Pakistan", None, []),
    ("Lahore", "Pakistan", None, []),
    ("Peshawar", "Pakistan", "Q1113311", []),
    ("Quetta", "Pakistan", None, []),
    ("Rawalpindi", "Pakistan", None, []),
    ("Mumbai", "India", None, ["Bombay"]),
    ("Srinagar", "India", None, []),
    ("Yangon", "Myanmar", None, ["Rangoon"]),
    ("Mandalay", "Myanmar", None, []),
    # elsewhere
    ("Stepanakert", "Azerbaijan", None, ["Khankendi"]),
    ("La Paz", "Bolivia", None, []),
    ("New York City", "United States", "Q60", ["New York", "NYC"]),
    ("Geneva", "Switzerland", None, ["Genève"]),
    ("The Hague", "Netherlands", None, ["Den Haag"]),
]

# (label, state label or None, Wikidata id, aliases): regions, territories, waters.
PLACES: list[tuple[str, str | None, str | None, list[str]]] = [
    ("Gaza Strip", "Palestine", None, ["Gaza"]),
    ("West Bank", "Palestine", None, []),
    ("Golan Heights", None, None, ["Golan"]),
    ("Sinai Peninsula", "Egypt", None, ["Sinai"]),
    ("Kurdistan Region", "Iraq", None, ["Iraqi Kurdistan", "Kurdistan Region of Iraq"]),
    ("Anbar Province", "Iraq", None, ["Anbar", "al-Anbar"]),
    ("Nineveh Governorate", "Iraq", None, ["Nineveh", "Ninawa"]),
    ("Crimea", "Ukraine", None, ["Crimean Peninsula"]),
    ("Donbas", "Ukraine", None, ["Donbass"]),
    ("Nagorno-Karabakh", "Azerbaijan", None, ["Karabakh", "Artsakh"]),
    ("Darfur", "Sudan", None, []),
    ("Tigray", "Ethiopia", None, ["Tigray Region"]),
    ("North Kivu", "Democratic Republic of the Congo", None, []),
    ("Borno", "Nigeria", None, ["Borno State"]),
    ("Helmand", "Afghanistan", None, ["Helmand Province"]),
    ("Balochistan", "Pakistan", None, ["Baluchistan"]),
    ("Khyber Pakhtunkhwa", "Pakistan", None, []),
    ("Kashmir", None, None, []),
    ("Western Sahara", None, "Q6250", []),
    ("Sahel", None, None, []),
    ("Middle East", None, None, ["Mideast"]),
    ("Red Sea", None, None, []),
    ("Gulf of Aden", None, None, []),
    ("Bab el-Mandeb", None, None, ["Bab al-Mandab", "Bab-el-Mandeb"]),
    ("Persian Gulf", None, None, ["Arabian Gulf"]),
    ("Strait of Hormuz", None, None, ["Hormuz Strait"]),
    ("Black Sea", None, None, []),
    ("Mediterranean Sea", None, None, ["Mediterranean"]),
    ("South China Sea", None, None, []),
]

# (label, Wikidata id, aliases)
ARMED_GROUPS: list[tuple[str, str | None, list[str]]] = [
    ("Hezbollah", None, ["Hizbollah", "Hizballah", "Hizbullah"]),
    ("Hamas", "Q38799", ["Islamic Resistance Movement", "Harakat al-Muqawama al-Islamiya"]),
    (
        "Izz ad-Din al-Qassam Brigades",
        None,
        ["Qassam Brigades", "al-Qassam Brigades", "Ezzedine al-Qassam Brigades", "Izz al-Din al-Qassam Brigades"],
    ),
    ("Palestinian Islamic Jihad", None, ["PIJ", "Islamic Jihad", "Islamic Jihad Movement in Palestine"]),
    ("Al-Aqsa Martyrs' Brigades", None, ["al-Aqsa Martyrs Brigades", "Al-Aqsa Martyrs Brigade"]),
    (
        "Kataib Hezbollah",
        None,
        ["Kata'ib Hezbollah", "Kataib Hizbollah", "Kata'ib Hizballah", "Kataeb Hezbollah", "KH", "Hezbollah Brigades"],
    ),
    ("Kataib Sayyid al-Shuhada", None, ["Kata'ib Sayyid al-Shuhada", "Kataib Sayyid al-Shuhadaa", "KSS"]),
    ("Asa'ib Ahl al-Haq", None, ["Asaib Ahl al-Haq", "Asa'ib Ahl al-Haqq", "AAH", "League of the Righteous"]),
    ("Harakat Hezbollah al-Nujaba", None, ["Harakat al-Nujaba", "al-Nujaba", "Nujaba", "HHN"]),
    ("Badr Organization", None, ["Badr Organisation", "Badr Brigade", "Badr Corps"]),
    (
        "Popular Mobilisation Forces",
        None,
        [
            "PMF",
            "Popular Mobilization Forces",
            "Hashd al-Shaabi",
            "al-Hashd al-Shaabi",
            "Popular Mobilisation Units",
            "Popular Mobilization Units",
            "PMU",
        ],
    ),
    ("Islamic Resistance in Iraq", None, []),
    (
        "Islamic State",
        "Q2429253",
        [
            "IS",
            "ISIS",
            "ISIL",
            "Daesh",
            "Islamic State group",
            "IS group",
            "Islamic State of Iraq and the Levant",
            "Islamic State of Iraq and Syria",
            "Islamic State of Iraq and al-Sham",
        ],
    ),
    ("Islamic State Khorasan Province", None, ["ISIS-K", "ISKP", "IS-K", "IS-KP", "Islamic State Khorasan"]),
    ("Islamic State West Africa Province", None, ["ISWAP"]),
    ("al-Qaeda", "Q34490", ["al-Qaida", "al Qaeda", "al-Qa'ida", "Al Qaida"]),
    ("al-Qaeda in the Arabian Peninsula", None, ["AQAP"]),
    ("al-Qaeda in the Islamic Maghreb", None, ["AQIM"]),
    (
        "Jama'at Nusrat al-Islam wal-Muslimin",
        None,
        ["JNIM", "Jamaat Nusrat al-Islam wal-Muslimin", "Group for the Support of Islam and Muslims"],
    ),
    ("al-Shabab", None, ["al-Shabaab", "Al Shabaab", "Harakat al-Shabaab al-Mujahideen"]),
    ("Boko Haram", None, ["Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "JAS"]),
    ("Taliban", None, ["Taleban", "Afghan Taliban"]),
    ("Haqqani Network", None, []),
    (
        "Tehrik-i-Taliban Pakistan",
        None,
        ["TTP", "Pakistani Taliban", "Tehreek-e-Taliban Pakistan", "Tehrik-e-Taliban Pakistan"],
    ),
    ("Houthis", None, ["Ansar Allah", "Ansarallah", "Houthi movement", "Houthi rebels", "Huthis", "Houthi"]),
    ("Hayat Tahrir al-Sham", None, ["HTS", "Hay'at Tahrir al-Sham", "Tahrir al-Sham"]),
    ("al-Nusra Front", None, ["Nusra Front", "Jabhat al-Nusra", "Jabhat Fatah al-Sham"]),
    ("Ahrar al-Sham", None, []),
    ("Wagner Group", None, ["Wagner", "PMC Wagner", "Wagner PMC"]),
    ("Kurdistan Workers' Party", "Q152220", ["PKK", "Kurdistan Workers Party"]),
    ("People's Protection Units", "Q277036", ["YPG", "Kurdish People's Protection Units"]),
    ("Syrian Democratic Forces", None, ["SDF"]),
    ("Free Syrian Army", None, ["FSA"]),
    ("Syrian National Army", None, []),
    ("Rapid Support Forces", None, ["RSF"]),
    ("March 23 Movement", None, ["M23", "M23 rebels"]),
    ("Allied Democratic Forces", None, ["ADF"]),
    ("Fatemiyoun Division", None, ["Liwa Fatemiyoun", "Fatemiyoun Brigade", "Fatemiyoun"]),
    ("Zainabiyoun Brigade", None, ["Liwa Zainabiyoun", "Zainabiyoun"]),
    ("Jaish al-Adl", None, ["Jaish ul-Adl"]),
    ("Baloch Liberation Army", None, ["BLA"]),
    ("Lashkar-e-Taiba", None, ["LeT", "Lashkar-e-Tayyiba"]),
    ("Jaish-e-Mohammed", None, ["JeM", "Jaish-e-Muhammad"]),
    ("Abu Sayyaf", None, ["Abu Sayyaf Group", "ASG"]),
    ("Revolutionary Armed Forces of Colombia", None, ["FARC"]),
    ("Arakan Army", None, []),
]

# (class, label, state label, Wikidata id, aliases)
GOVERNMENT: list[tuple[str, str, str, str | None, list[str]]] = [
    # United States
    (
        "GovernmentBody",
        "United States Department of Defense",
        "United States",
        "Q11209",
        [
            "Pentagon",
            "the Pentagon",
            "Department of Defense",
            "US Department of Defense",
            "U.S. Department of Defense",
            "Defense Department",
            "US Defense Department",
            "DoD",
            "Department of War",
        ],
    ),
    (
        "GovernmentBody",
        "United States Department of State",
        "United States",
        None,
        ["State Department", "US State Department", "U.S. State Department", "Department of State"],
    ),
    (
        "GovernmentBody",
        "United States Department of the Treasury",
        "United States",
        None,
        ["US Treasury", "U.S. Treasury", "Treasury Department", "US Treasury Department"],
    ),
    ("GovernmentBody", "Office of Foreign Assets Control", "United States", None, ["OFAC"]),
    ("GovernmentBody", "White House", "United States", None, ["the White House"]),
    ("GovernmentBody", "Central Intelligence Agency", "United States", "Q37230", ["CIA"]),
    ("GovernmentBody", "Federal Bureau of Investigation", "United States", None, ["FBI"]),
    ("GovernmentBody", "United States Congress", "United States", None, ["US Congress", "U.S. Congress", "Congress"]),
    (
        "Military",
        "United States Armed Forces",
        "United States",
        None,
        [
            "US military",
            "U.S. military",
            "US Armed Forces",
            "US forces",
            "U.S. forces",
            "American forces",
            "American military",
        ],
    ),
    (
        "Military",
        "United States Central Command",
        "United States",
        None,
        ["CENTCOM", "Centcom", "US Central Command", "U.S. Central Command"],
    ),
    ("Military", "United States Africa Command", "United States", None, ["AFRICOM", "Africom", "US Africa Command"]),
    ("Military", "United States European Command", "United States", None, ["EUCOM", "US European Command"]),
    ("Military", "United States Army", "United States", None, ["US Army", "U.S. Army"]),
    ("Military", "United States Navy", "United States", None, ["US Navy", "U.S. Navy", "USN"]),
    ("Military", "United States Air Force", "United States", None, ["US Air Force", "U.S. Air Force", "USAF"]),
    (
        "Military",
        "United States Marine Corps",
        "United States",
        None,
        ["US Marine Corps", "USMC", "US Marines", "U.S. Marines"],
    ),
    # Iran
    (
        "Military",
        "Islamic Revolutionary Guard Corps",
        "Iran",
        None,
        [
            "IRGC",
            "Revolutionary Guards",
            "Revolutionary Guard",
            "Iranian Revolutionary Guard Corps",
            "Islamic Revolutionary Guards Corps",
            "Revolutionary Guards Corps",
            "Pasdaran",
            "Sepah",
        ],
    ),
    ("Military", "Quds Force", "Iran", None, ["IRGC Quds Force", "IRGC-QF", "Qods Force"]),
    ("Military", "Basij", "Iran", None, ["Basij militia", "Basij Resistance Force"]),
    ("Military", "Islamic Republic of Iran Army", "Iran", None, ["Artesh", "Iranian Army"]),
    (
        "GovernmentBody",
        "Iranian Ministry of Foreign Affairs",
        "Iran",
        None,
        ["Iranian Foreign Ministry", "Ministry of Foreign Affairs of Iran"],
    ),
    # Israel and Palestine
    (
        "Military",
        "Israel Defense Forces",
        "Israel",
        None,
        ["IDF", "Israel Defence Forces", "Israeli Defense Forces", "Israeli military", "Israeli army", "Tzahal"],
    ),
    ("Military", "Israeli Air Force", "Israel", None, []),
    ("GovernmentBody", "Mossad", "Israel", None, []),
    ("GovernmentBody", "Shin Bet", "Israel", None, ["Israel Security Agency", "Shabak"]),
    ("GovernmentBody", "Palestinian Authority", "Palestine", None, ["PA", "Palestinian National Authority"]),
    # Russia
    (
        "Military",
        "Russian Armed Forces",
        "Russia",
        None,
        ["Russian military", "Russian army", "Russian forces", "Armed Forces of the Russian Federation"],
    ),
    (
        "GovernmentBody",
        "Russian Ministry of Defence",
        "Russia",
        None,
        [
            "Russian Defence Ministry",
            "Russian Defense Ministry",
            "Russian Ministry of Defense",
            "Ministry of Defence of the Russian Federation",
        ],
    ),
    ("GovernmentBody", "Kremlin", "Russia", None, ["the Kremlin"]),
    ("GovernmentBody", "Federal Security Service", "Russia", None, ["FSB"]),
    ("Military", "GRU", "Russia", None, ["Main Intelligence Directorate"]),
    # United Kingdom
    (
        "GovernmentBody",
        "UK Ministry of Defence",
        "United Kingdom",
        None,
        ["Ministry of Defence", "MoD", "UK MoD", "British Ministry of Defence"],
    ),
    (
        "GovernmentBody",
        "Foreign, Commonwealth and Development Office",
        "United Kingdom",
        None,
        ["Foreign Office", "FCDO", "UK Foreign Office"],
    ),
    ("GovernmentBody", "Downing Street", "United Kingdom", None, ["10 Downing Street", "Number 10", "No 10"]),
    ("GovernmentBody", "Secret Intelligence Service", "United Kingdom", None, ["MI6", "SIS"]),
    (
        "Military",
        "British Armed Forces",
        "United Kingdom",
        None,
        ["British military", "UK Armed Forces", "British forces"],
    ),
    ("Military", "British Army", "United Kingdom", None, []),
    ("Military", "Royal Air Force", "United Kingdom", None, ["RAF"]),
    ("Military", "Royal Navy", "United Kingdom", None, []),
    # Ukraine
    (
        "Military",
        "Armed Forces of Ukraine",
        "Ukraine",
        None,
        ["Ukrainian Armed Forces", "Ukrainian military", "Ukrainian army", "Ukrainian forces", "ZSU"],
    ),
    (
        "GovernmentBody",
        "Ukrainian Ministry of Defence",
        "Ukraine",
        None,
        ["Ukrainian Defence Ministry", "Ukrainian Defense Ministry", "Ministry of Defence of Ukraine"],
    ),
    ("GovernmentBody", "Security Service of Ukraine", "Ukraine", None, ["SBU"]),
    (
        "Military",
        "Defence Intelligence of Ukraine",
        "Ukraine",
        None,
        ["HUR", "GUR", "Main Directorate of Intelligence", "Ukrainian military intelligence"],
    ),
    # Middle East
    ("Military", "Syrian Arab Army", "Syria", None, ["SAA"]),
    ("Military", "Iraqi Armed Forces", "Iraq", None, ["Iraqi army", "Iraqi military"]),
    ("Military", "Peshmerga", "Iraq", None, ["Kurdish Peshmerga", "Peshmerga forces"]),
    ("GovernmentBody", "Kurdistan Regional Government", "Iraq", None, ["KRG"]),
    ("Military", "Lebanese Armed Forces", "Lebanon", None, ["LAF", "Lebanese army"]),
    ("Military", "Turkish Armed Forces", "Turkey", None, ["TSK", "Turkish military", "Turkish army"]),
    ("Military", "Egyptian Armed Forces", "Egypt", None, ["Egyptian military", "Egyptian army"]),
    # South and East Asia
    (
        "Military",
        "Pakistan Armed Forces",
        "Pakistan",
        None,
        ["Pakistani military", "Pakistan military", "Pakistani army", "Pakistan Army"],
    ),
    ("GovernmentBody", "Inter-Services Intelligence", "Pakistan", None, ["ISI"]),
    ("Military", "People's Liberation Army", "China", None, ["PLA", "Chinese military"]),
    ("Military", "Korean People's Army", "North Korea", None, ["KPA", "North Korean army", "North Korean military"]),
    # Africa
    ("Military", "Sudanese Armed Forces", "Sudan", None, ["SAF", "Sudanese army", "Sudanese military"]),
    (
        "Military",
        "Ethiopian National Defense Force",
        "Ethiopia",
        None,
        ["ENDF", "Ethiopian army", "Ethiopian military"],
    ),
    ("Military", "Somali National Army", "Somalia", None, ["SNA", "Somali army"]),
    ("Military", "Malian Armed Forces", "Mali", None, ["FAMa", "Malian army"]),
    ("Military", "Nigerian Army", "Nigeria", None, ["Nigerian military"]),
]

# (label, Wikidata id, aliases): international and political organisations, NGOs.
ORGANIZATIONS: list[tuple[str, str | None, list[str]]] = [
    ("United Nations", "Q1065", ["UN", "U.N."]),
    (
        "United Nations Security Council",
        "Q37470",
        ["UN Security Council", "U.N. Security Council", "UNSC", "Security Council"],
    ),
    ("United Nations General Assembly", None, ["UN General Assembly", "UNGA", "General Assembly"]),
    ("NATO", "Q7184", ["Nato", "North Atlantic Treaty Organization", "North Atlantic Alliance"]),
    ("European Union", "Q458", ["EU", "E.U."]),
    ("African Union", "Q7159", ["AU"]),
    ("Arab League", None, ["League of Arab States"]),
    ("Association of Southeast Asian Nations", "Q7768", ["ASEAN"]),
    ("Gulf Cooperation Council", None, ["GCC", "Cooperation Council for the Arab States of the Gulf"]),
    ("Organization for Security and Co-operation in Europe", None, ["OSCE"]),
    ("International Atomic Energy Agency", None, ["IAEA"]),
    ("International Criminal Court", None, ["ICC"]),
    ("International Court of Justice", None, ["ICJ", "World Court"]),
    ("International Committee of the Red Cross", None, ["ICRC", "Red Cross"]),
    (
        "UNRWA",
        None,
        [
            "United Nations Relief and Works Agency for Palestine Refugees in the Near East",
            "UN Relief and Works Agency",
        ],
    ),
    ("UNHCR", None, ["United Nations High Commissioner for Refugees", "UN refugee agency"]),
    ("World Health Organization", None, ["WHO"]),
    ("UNIFIL", None, ["United Nations Interim Force in Lebanon"]),
    (
        "Global Coalition to Defeat ISIS",
        None,
        [
            "Global Coalition Against Daesh",
            "anti-ISIS coalition",
            "anti-IS coalition",
            "Combined Joint Task Force – Operation Inherent Resolve",
            "CJTF-OIR",
        ],
    ),
    ("Amnesty International", None, ["Amnesty"]),
    ("Human Rights Watch", None, ["HRW"]),
    ("Médecins Sans Frontières", None, ["MSF", "Doctors Without Borders", "Medecins Sans Frontieres"]),
    ("Palestine Liberation Organization", None, ["PLO"]),
    ("Fatah", None, []),
    ("Muslim Brotherhood", None, []),
    ("Tigray People's Liberation Front", None, ["TPLF"]),
    ("Polisario Front", None, ["Polisario"]),
]

# (label, Wikidata id, aliases)
NEWS: list[tuple[str, str | None, list[str]]] = [
    ("BBC", "Q9531", ["British Broadcasting Corporation", "BBC News"]),
    ("Reuters", "Q130879", []),
    ("Associated Press", "Q40469", ["AP", "The Associated Press"]),
    ("Agence France-Presse", "Q40464", ["AFP", "Agence France Presse"]),
    ("Al Jazeera", None, ["Al-Jazeera", "Aljazeera", "Al Jazeera English"]),
    ("CNN", "Q48340", ["Cable News Network"]),
    ("Syrian Arab News Agency", None, ["SANA", "Sana"]),
    ("Islamic Republic News Agency", None, ["IRNA"]),
    ("Tasnim News Agency", None, ["Tasnim"]),
    ("Fars News Agency", None, ["Fars"]),
    ("Mehr News Agency", None, ["Mehr"]),
    ("Press TV", None, ["PressTV"]),
    ("TASS", "Q223799", ["Tass", "ITAR-TASS", "Russian News Agency TASS"]),
    ("RIA Novosti", None, ["RIA"]),
    ("Interfax", "Q379271", []),
    ("RT", "Q22868", ["Russia Today"]),
    ("Xinhua", "Q204839", ["Xinhua News Agency"]),
    ("The New York Times", "Q9684", ["New York Times", "NYT", "NY Times"]),
    ("The Washington Post", "Q166032", ["Washington Post"]),
    ("The Guardian", "Q11148", ["Guardian"]),
    ("The Wall Street Journal", "Q164746", ["Wall Street Journal", "WSJ"]),
    ("Financial Times", None, ["FT"]),
    ("The Economist", "Q180089", ["Economist"]),
    ("Bloomberg News", None, ["Bloomberg"]),
    ("Deutsche Welle", "Q153770", ["DW"]),
    ("NPR", "Q671510", ["National Public Radio"]),
    ("Sky News", None, []),
    ("Fox News", None, ["Fox News Channel"]),
    ("CBS News", None, []),
    ("NBC News", None, []),
    ("Voice of America", None, ["VOA"]),
    ("Radio Free Europe/Radio Liberty", None, ["RFE/RL", "Radio Free Europe"]),
    ("Al Arabiya", None, ["Al-Arabiya"]),
    ("Al-Manar", None, ["Al Manar"]),
    ("Al Mayadeen", None, ["Al-Mayadeen"]),
    ("Al-Masirah", None, ["Al Masirah"]),
    ("Rudaw", None, ["Rudaw Media Network"]),
    ("Kurdistan 24", None, []),
    ("Iraqi News Agency", None, ["INA"]),
    ("WAFA", None, ["Wafa", "Palestinian News and Information Agency"]),
    ("The Times of Israel", None, ["Times of Israel"]),
    ("Haaretz", None, []),
    ("The Jerusalem Post", None, ["Jerusalem Post"]),
    ("Anadolu Agency", None, ["Anadolu"]),
    ("Ukrinform", "Q987030", []),
    ("The Kyiv Independent", "Q111028947", ["Kyiv Independent"]),
    ("Yonhap News Agency", None, ["Yonhap"]),
    ("Kyodo News", None, ["Kyodo"]),
    ("Korean Central News Agency", None, ["KCNA"]),
    ("Saudi Press Agency", None, ["SPA"]),
]


class Entry:
    """One gazetteer entity, ready to be written as Turtle."""

    def __init__(self, cls, label, qid=None, aliases=(), demonyms=(), located_in=None, country=None, capital=False):
        self.cls, self.label, self.qid = cls, label, qid
        self.aliases, self.demonyms = list(aliases), list(demonyms)
        self.located_in, self.country, self.capital = located_in, country, capital


def entries() -> list[tuple[str, list[Entry]]]:
    """The gazetteer's sections, each a title and its entries sorted by label."""
    sections = [
        ("States", [Entry("State", lab, q, al, dem) for lab, q, al, dem in STATES]),
        (
            "Cities",
            [Entry("City", lab, q, al, located_in=st, capital=True) for lab, st, q, al in CAPITALS]
            + [Entry("City", lab, q, al, located_in=st) for lab, st, q, al in CITIES],
        ),
        ("Regions, territories and waters", [Entry("Place", lab, q, al, located_in=st) for lab, st, q, al in PLACES]),
        ("Armed groups", [Entry("ArmedGroup", lab, q, al) for lab, q, al in ARMED_GROUPS]),
        (
            "Government bodies and militaries",
            [Entry(cls, lab, q, al, country=st) for cls, lab, st, q, al in GOVERNMENT],
        ),
        (
            "International and political organisations",
            [Entry("Organization", lab, q, al) for lab, q, al in ORGANIZATIONS],
        ),
        ("News organisations", [Entry("NewsOrganization", lab, q, al) for lab, q, al in NEWS]),
    ]
    return [(title, sorted(es, key=lambda e: e.label.casefold())) for title, es in sections]


def check(sections: list[tuple[str, list[Entry]]]) -> None:
    """Raise SystemExit with every problem found, or return if there is none."""
    import pyoxigraph

    problems: list[str] = []
    all_entries = [e for _, es in sections for e in es]
    states = {e.label for e in all_entries if e.cls == "State"}
    owner: dict[str, str] = {}
    iris: set[str] = set()
    demonyms: dict[str, str] = {}
    for e in all_entries:
        iri = entity_iri(e.label)
        try:
            pyoxigraph.NamedNode(iri)
        except ValueError as err:
            problems.append(f"{e.label!r}: invalid IRI {iri}: {err}")
        if iri in iris:
            problems.append(f"{e.label!r}: IRI {iri} used twice")
        iris.add(iri)
        if e.qid is not None and not re.fullmatch(r"Q[0-9]+", e.qid):
            problems.append(f"{e.label!r}: bad Wikidata id {e.qid!r}")
        for name in [e.label, *e.aliases]:
            key = name.casefold()
            if owner.get(key, e.label) != e.label:
                problems.append(f"name {name!r} belongs to both {owner[key]!r} and {e.label!r}")
            owner.setdefault(key, e.label)
        for d in e.demonyms:
            if demonyms.setdefault(d.casefold(), e.label) != e.label:
                problems.append(f"demonym {d!r} belongs to both {demonyms[d.casefold()]!r} and {e.label!r}")
        for link in (e.located_in, e.country):
            if link is not None and link not in states:
                problems.append(f"{e.label!r}: {link!r} is not a state in the gazetteer")
    if problems:
        raise SystemExit("gazetteer not written:\n  " + "\n  ".join(problems))


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_PREFIXED = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.%-]*[A-Za-z0-9_%-])?")


def _entity(label: str) -> str:
    """``kge:local`` when the local name is a valid Turtle prefixed name, else ``<iri>``."""
    iri = entity_iri(label)
    local = iri[len(ENTITY_BASE) :]
    return f"kge:{local}" if _PREFIXED.fullmatch(local) else f"<{iri}>"


def turtle(sections: list[tuple[str, list[Entry]]]) -> str:
    """The gazetteer as Turtle text."""
    assert WIKIDATA_BASE == "http://www.wikidata.org/entity/"
    counts = ", ".join(f"{len(es)} {title.lower()}" for title, es in sections)
    lines = [
        "# kg gazetteer: actors and places that conflict news commonly names.",
        "#",
        "# Generated by scripts/build_gazetteer.py: edit the tables there and re-run.",
        f"# {counts}.",
        "#",
        "# Each entry: IRI = https://w3id.org/kg-news/entity/ + slug(rdfs:label) (kg/ontology.py),",
        "# one kg class, skos:altLabel for aliases, owl:sameAs a Wikidata item where checked,",
        "# kg:demonym for states, kg:locatedIn for cities and regions (UN-recognised borders;",
        "# none where the status is disputed), kg:capitalOf for national capitals,",
        "# kg:affiliatedWithCountry for government bodies.",
        "# Users add their own entries in the same form with `kg build --gazetteer my.ttl`.",
        "",
        "@prefix kg:   <https://w3id.org/kg-news/ontology#> .",
        "@prefix kge:  <https://w3id.org/kg-news/entity/> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix owl:  <http://www.w3.org/2002/07/owl#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix wd:   <http://www.wikidata.org/entity/> .",
        "",
    ]
    for title, es in sections:
        lines += ["#" * 72, f"#    {title}", "#" * 72, ""]
        for e in es:
            props = [f"rdfs:label {_literal(e.label)}"]
            if e.aliases:
                props.append("skos:altLabel " + " , ".join(_literal(a) for a in e.aliases))
            if e.demonyms:
                props.append("kg:demonym " + " , ".join(_literal(d) for d in e.demonyms))
            if e.located_in:
                props.append(f"kg:locatedIn {_entity(e.located_in)}")
                if e.capital:
                    props.append(f"kg:capitalOf {_entity(e.located_in)}")
            if e.country:
                props.append(f"kg:affiliatedWithCountry {_entity(e.country)}")
            if e.qid:
                props.append(f"owl:sameAs wd:{e.qid}")
            lines.append(f"{_entity(e.label)} a kg:{e.cls} ;")
            lines += [f"    {p} ;" for p in props[:-1]]
            lines.append(f"    {props[-1]} .")
            lines.append("")
    return "\n".join(lines)


def main() -> None:
    sections = entries()
    check(sections)
    OUT.write_text(turtle(sections), encoding="utf-8")
    total = sum(len(es) for _, es in sections)
    print(f"wrote {OUT.relative_to(ROOT)}: {total} entries")
    for title, es in sections:
        print(f"  {len(es):4d}  {title}")


if __name__ == "__main__":
    main()
