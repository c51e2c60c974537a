package io.kasumi.auth;

/** How strictly requests are authenticated. */
public enum AuthMode {
    /** Any well-formed request is accepted; signatures are not checked, presigned URL expiry still is. */
    OFF,
    /** Signatures are verified against the registered secret keys. */
    VERIFY,
    /** Like VERIFY, and later also IAM policy evaluation. */
    ENFORCE;

    public boolean verifiesSignatures() {
        return this != OFF;
    }
}
