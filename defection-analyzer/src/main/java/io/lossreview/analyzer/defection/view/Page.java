package io.lossreview.analyzer.defection.view;

import java.util.List;

/** One page of a list; page counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
