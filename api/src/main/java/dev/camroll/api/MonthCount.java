package dev.camroll.api;

import java.time.YearMonth;

/**
 * How many assets of a query were created in one calendar month of a time zone.
 *
 * @param start the first instant of the month in the zone (epoch ms)
 * @param end the first instant of the next month (epoch ms, exclusive)
 */
public record MonthCount(YearMonth month, long count, long start, long end) {}
