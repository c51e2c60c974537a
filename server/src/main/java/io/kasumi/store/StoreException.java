package io.kasumi.store;

/** The underlying storage failed (disk full, corruption, directory locked by another process). */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
