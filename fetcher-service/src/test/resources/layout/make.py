#!/usr/bin/env python3
"""Writes the layout test papers' LaTeX sources and builds both renderings of each.

Each paper is two-column prose with the floats real papers have (a figure* at the top of a page and a full-width
strip in the middle of one, display equations inside a column, a full-width table, a table and a figure inside a
column, footnotes, captions) and a single-column appendix page. The prose is drawn from a fixed vocabulary with a
fixed seed, so that no sentence repeats and word 4-grams tell the reading order apart.

Outputs, committed beside this script so the tests need no TeX installation:
  <name>.tex, <name>.pdf (pdflatex), <name>.html (latexml + latexmlpost, as arXiv renders papers),
  <name>.pdftotext.txt (Poppler's pdftotext, default mode: the reference reading order),
  <name>.pages.tsv (first words of each paragraph and caption, then the pages it starts and ends on, from the
  labels pdflatex wrote to the .aux file).
Run from this directory: python3 make.py
"""
import random
import re
import subprocess
import sys

SUBJECTS = ["the retriever", "our model", "the baseline", "the evaluator", "each annotator", "the encoder",
            "the policy", "the critic", "the generator", "this ablation", "the tokenizer", "the reranker",
            "the verifier", "the planner", "every query", "the corpus", "the student model", "the teacher",
            "the classifier", "a small probe"]
VERBS = ["improves", "reduces", "measures", "predicts", "filters", "ranks", "compresses", "explains", "rewrites",
         "selects", "calibrates", "summarizes", "detects", "aligns", "retrieves", "estimates", "updates",
         "balances", "labels", "samples"]
OBJECTS = ["the answer accuracy", "its calibration error", "the latency budget", "rare entities",
           "long documents", "noisy passages", "the held-out split", "factual errors", "the memory footprint",
           "multilingual queries", "the citation recall", "unseen domains", "the reward signal",
           "short questions", "numeric claims", "the training loss", "conflicting evidence",
           "the context window", "ambiguous prompts", "table cells"]
TAILS = ["on every benchmark we tried", "when the corpus grows", "without extra supervision",
         "at a modest cost", "after two epochs", "in the low-resource setting", "for most of the questions",
         "under a fixed compute budget", "compared with prior work", "across five random seeds",
         "once the threshold is tuned", "with greedy decoding", "in both languages", "at test time",
         "on the harder subset", "before any fine-tuning", "with human feedback", "in our pilot study"]
LINKS = ["Moreover,", "In contrast,", "As expected,", "Surprisingly,", "In practice,", "Consequently,",
         "For example,", "However,", "Overall,", "Finally,", "In addition,", "Notably,"]


class Prose:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.seen = set()

    def sentence(self):
        while True:
            parts = [self.rng.choice(SUBJECTS), self.rng.choice(VERBS), self.rng.choice(OBJECTS),
                     self.rng.choice(TAILS)]
            key = " ".join(parts)
            if key not in self.seen:
                self.seen.add(key)
                break
        text = key + "."
        if self.rng.random() < 0.4:
            link = self.rng.choice(LINKS)
            return link + " " + text
        return text[0].upper() + text[1:]

    def paragraph(self, sentences):
        return " ".join(self.sentence() for _ in range(sentences))


class Paper:
    def __init__(self, name, seed):
        self.name = name
        self.prose = Prose(seed)
        self.labels = 0
        self.body = []
        self.starts = []

    def para(self, sentences=6):
        """A paragraph with labels after its first word and before its last, to learn its pages."""
        text = self.prose.paragraph(sentences)
        self.labels += 1
        first, rest = text.split(" ", 1)
        head, last = rest.rsplit(" ", 1)
        self.starts.append((self.labels, text))
        self.body.append(f"{first}\\label{{ps{self.labels}}} {head}\\label{{pe{self.labels}}} {last}\n")

    def caption(self, kind, text):
        self.labels += 1
        self.starts.append((self.labels, text))
        return f"\\caption{{{text}\\label{{ps{self.labels}}}\\label{{pe{self.labels}}}}}"

    def raw(self, text):
        self.body.append(text + "\n")


def table_rows(prose, rows, columns):
    models = ["Retrieval baseline", "Dense reranker", "Sparse filter", "Critic-guided", "Ours (small)",
              "Ours (large)", "Oracle passages"]
    lines = []
    for i in range(rows):
        numbers = " & ".join(f"{prose.rng.uniform(20, 90):.1f}" for _ in range(columns))
        lines.append(f"{models[i]} & {numbers} \\\\")
    return "\n".join(lines)


def build(name, seed, options, geometry, font):
    p = Paper(name, seed)
    rng = p.prose.rng
    p.raw("\\section{Introduction}")
    for _ in range(3):
        p.para(7)
    p.raw("Our code and data are public.\\footnote{Code and data: \\url{https://github.com/example/"
          + name + "}.} " + p.prose.paragraph(3))
    p.raw("\\section{Method}")
    p.raw("\\begin{figure*}[t]\n\\centering\n\\fbox{\\parbox{0.9\\textwidth}{\\centering\\small "
          "Accuracy \\hfill Retrieval steps \\hfill Passage count\\\\[4em] 0.2 \\hfill 0.4 \\hfill 0.6 \\hfill "
          "0.8 \\hfill 1.0}}\n" + p.caption("figure", "Overview of the pipeline. " + p.prose.paragraph(3))
          + "\n\\end{figure*}")
    for i in range(2):
        p.para(6)
        p.raw("\\begin{equation}\n\\mathcal{L}_{%d}(\\theta) = \\sum_{i=1}^{N} \\log p_\\theta(y_i \\mid x_i) "
              "+ \\lambda \\lVert \\theta \\rVert^2\n\\end{equation}" % (i + 1))
    p.para(5)
    p.raw("\\begin{table}[h]\n\\centering\\small\n\\begin{tabular}{lrr}\n\\toprule\nSetting & Recall & Cost \\\\\n"
          "\\midrule\n" + table_rows(p.prose, 3, 2) + "\n\\bottomrule\n\\end{tabular}\n"
          + p.caption("table", "Recall and cost of three settings. " + p.prose.paragraph(1)) + "\n\\end{table}")
    for _ in range(3):
        p.para(7)
    p.raw("\\begin{strip}\n\\centering\n" + "\\begin{equation}\n\\mathrm{score}(q, d) = \\frac{\\exp(s(q,d)/\\tau)}"
          "{\\sum_{d'} \\exp(s(q,d')/\\tau)} \\cdot \\prod_{k=1}^{K} \\left(1 - \\epsilon_k\\right)\n\\end{equation}"
          "\n\\end{strip}")
    p.raw("\\section{Experiments}")
    for _ in range(2):
        p.para(8)
    p.raw("\\begin{table*}[t]\n\\centering\n\\begin{tabular}{lrrrrr}\n\\toprule\nMethod & PopQA & Bio & "
          "PubHealth & ARC & ASQA \\\\\n\\midrule\n" + table_rows(p.prose, 7, 5) + "\n\\bottomrule\n"
          "\\end{tabular}\n" + p.caption("table", "Results on five tasks. " + p.prose.paragraph(2))
          + "\n\\end{table*}")
    for _ in range(6):
        p.para(7)
    p.raw("\\begin{figure}[h]\n\\centering\n\\fbox{\\parbox{0.8\\columnwidth}{\\centering\\small Loss\\\\[2em]"
          " Epochs}}\n" + p.caption("figure", "Training loss over epochs. " + p.prose.paragraph(2))
          + "\n\\end{figure}")
    for _ in range(3):
        p.para(6)
    p.raw("Two settings deserve a note.\\footnote{" + p.prose.paragraph(1) + "} " + p.prose.paragraph(4))
    p.raw("\\section{Conclusion}")
    for _ in range(2):
        p.para(6)
    p.raw("\\onecolumn\n\\appendix\n\\section{Additional Details}")
    for _ in range(4):
        p.para(8)
    tex = ("\\documentclass[" + options + "]{article}\n\\usepackage[" + geometry + "]{geometry}\n"
           "\\usepackage{" + font + "}\n\\usepackage{amsmath,booktabs,cuted,url}\n"
           "\\title{Layout Test Paper " + name[-1].upper() + ": Reading Order Around Floats}\n"
           "\\author{First Author \\and Second Author}\n\\date{}\n\\begin{document}\n\\maketitle\n"
           "\\begin{abstract}\n" + p.prose.paragraph(5) + "\n\\end{abstract}\n" + "\n".join(p.body)
           + "\\end{document}\n")
    with open(name + ".tex", "w") as f:
        f.write(tex)
    for _ in range(2):  # twice, so the labels' pages settle
        subprocess.run(["pdflatex", "-interaction=nonstopmode", name + ".tex"], check=True,
                       stdout=subprocess.DEVNULL)
    subprocess.run(["pdftotext", name + ".pdf", name + ".pdftotext.txt"], check=True)
    subprocess.run(["latexml", "--quiet", "--dest=" + name + ".xml", name + ".tex"], check=True,
                   stderr=subprocess.DEVNULL)
    subprocess.run(["latexmlpost", "--quiet", "--format=html5", "--nodefaultresources", "--dest=" + name + ".html",
                    name + ".xml"], check=True, stderr=subprocess.DEVNULL)
    pages = {}
    with open(name + ".aux") as f:
        for m in re.finditer(r"\\newlabel\{p([se])(\d+)\}\{\{[^}]*\}\{(\d+)\}", f.read()):
            pages.setdefault(int(m.group(2)), {})[m.group(1)] = int(m.group(3))
    with open(name + ".pages.tsv", "w") as f:
        for number, text in p.starts:
            first_words = " ".join(text.split()[:6])
            f.write(f"{first_words}\t{pages[number]['s']}\t{pages[number]['e']}\n")


if __name__ == "__main__":
    build("paper-a", 12, "10pt,twocolumn,letterpaper", "margin=0.75in,columnsep=0.25in", "times")
    build("paper-b", 34, "11pt,twocolumn,a4paper", "margin=2cm,columnsep=0.8cm", "mathptmx")
