package net.sguil.bridge.report;

import java.time.LocalDate;

/**
 * One UTC day of a signature trend.
 *
 * @param medianBefore median of the counts of the N days before {@code day} (days without alerts count 0)
 * @param ratio        {@code count / max(medianBefore, 1)}: always defined, and for a signature that was
 *                     silent before it is simply the count
 */
public record TrendRow(LocalDate day, long count, double medianBefore, double ratio) {
}
