package io.kasumi.store;

/** Which way a range scan walks the keys. */
public enum Order {
    ASCENDING,
    DESCENDING
}
