package dev.gameday.report.run.section;

import dev.gameday.report.doc.Document;
import dev.gameday.report.run.analysis.RunAnalysis;

/**
 * One part of the game-day report. It appends its blocks to the document from the parts of the
 * analysis it needs, and shows only figures those parts hold (the judge's), never computes one.
 * {@link RunReport#SECTIONS} lists them in order.
 */
interface Section {
    void append(Document doc, RunAnalysis run);
}
