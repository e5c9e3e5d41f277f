"""``kg train``: retrain kg's entity recogniser and relation classifier."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli import example_epilog
from kg.errors import InputError

DESCRIPTION = """\
Train kg's entity recogniser and relation classifier on CoNLL04 (SpERT's JSON
format) and write them to DIR: entity-recognizer.{bin,json} (a spaCy ner pipe
fine-tuned from the English model's) and relation-classifier.{npz,json}.
TRAIN teaches both models; DEV only chooses the recogniser's number of passes and
the classifier's probability threshold. Use the result with
`kg eval ... --model DIR` (or Pipeline(trained=DIR)); copy the four files into
kg/data/ to ship them. Takes about four minutes on two cores.

`kg train calibration NEWS.jsonl -o DIR` fits the confidence calibrator instead: kg
runs on the tune half of annotated news (news-dev's format), each fact is judged
against the gold, and a logistic model learns the chance of being right; it writes
DIR/calibration.json (copy it into kg/data/ to ship it)."""


def add_parser(sub) -> None:
    p = sub.add_parser(
        "train",
        help="Retrain the entity recogniser and relation classifier (CoNLL04), or the confidence calibrator.",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=example_epilog(
            "kg train conll04 conll04_train.json conll04_dev.json -o models/",
            "kg eval conll04 conll04_dev.json --model models/",
            "kg train calibration news-dev.jsonl -o models/      # the confidence calibrator, tune half",
            "kg eval news news-dev.jsonl --split held --model models/",
        ),
    )
    p.add_argument(
        "benchmark",
        choices=["conll04", "calibration"],
        help="conll04: the recogniser and the classifier; calibration: the confidence calibrator, "
        "on annotated news in news-dev's format (TRAIN only, its tune half; --split to change)",
    )
    p.add_argument("train", metavar="TRAIN", help="training file")
    p.add_argument("dev", metavar="DEV", nargs="?", help="conll04: development file (tuning only)")
    p.add_argument(
        "--split", default="tune", choices=["tune", "held", "all"], help="calibration: the split to learn from"
    )
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="directory for the trained models")
    p.add_argument(
        "--epochs", type=int, default=16, help="passes over TRAIN to fine-tune the entity recogniser (default: 16)"
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    p.add_argument("--spacy-model", default=None, help="spaCy model name or path (default: en_core_web_sm)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only the result")
    p.set_defaults(func=run)


def run(args) -> int:
    # imported when the command runs: `kg --help` and the other commands need not load it
    from kg.train import train_conll04
    from kg.train.calibration import train_calibration

    if args.benchmark == "calibration":
        out = Path(args.output) / "calibration.json"
        r = train_calibration(args.train, out, split=args.split, model=args.spacy_model)
        print(f"wrote {out}: {r.facts} facts judged, {r.right} right")
        print(
            f"expected calibration error, cross-validated by article: {r.cv_ece:.3f} "
            f"(the extractors' own: {r.prior_ece:.3f})"
        )
        return 0
    if not args.dev:
        raise InputError("kg train conll04 needs TRAIN and DEV files")
    say = (lambda line: None) if args.quiet else print
    r = train_conll04(
        args.train, args.dev, args.output, ner_epochs=args.epochs, seed=args.seed, model=args.spacy_model, say=say
    )
    out = Path(args.output)
    print(f"wrote {out / 'entity-recognizer.bin'} and {out / 'relation-classifier.npz'} in {r.seconds:.0f} s")
    print(
        f"on {Path(args.dev).name}: entity F1 {100 * r.entity_f1:.1f}, relation F1 {100 * r.relation_f1:.1f} "
        f"(recogniser passes {r.ner_epochs}, threshold {r.threshold:.2f})"
    )
    return 0
