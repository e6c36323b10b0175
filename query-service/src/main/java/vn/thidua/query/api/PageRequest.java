package vn.thidua.query.api;

import vn.thidua.query.api.QueryExceptions.InvalidParameter;

/** {@code page} (from 0) and {@code size} (1–200, 20 unless given). */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;
    /** Deep enough for any list; beyond it, page * size would no longer be a sane offset. */
    public static final int MAX_PAGE = 100_000;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || p > MAX_PAGE) {
            throw new InvalidParameter("page", "Số trang phải từ 0 đến " + MAX_PAGE);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidParameter("size", "Cỡ trang phải từ 1 đến " + MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    int skip() {
        return page * size;
    }
}
