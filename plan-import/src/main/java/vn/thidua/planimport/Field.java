package vn.thidua.planimport;

/** A value read from the text and where it was read ({@link Source}); a value the text does not hold is not a Field. */
record Field<T>(T value, Source source) {
}
