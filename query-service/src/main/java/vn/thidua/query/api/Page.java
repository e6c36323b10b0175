package vn.thidua.query.api;

import java.util.List;
import java.util.Map;

/** One page of results: {@code page} counts from 0. */
public record Page(List<Map<String, Object>> items, int page, int size, long total) {
}
