package io.kasumi.auth;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialRegistryTest {

    @Test
    void knowsTheBuiltInTestKey() {
        Credentials test = CredentialRegistry.withDefaults().find("test").orElseThrow();
        assertThat(test.secretAccessKey()).isEqualTo("test");
        assertThat(test.account()).isEqualTo("000000000000");
        assertThat(test.principalArn()).isEqualTo("arn:aws:iam::000000000000:root");
    }

    @Test
    void twelveDigitKeysAreTheirOwnAccount() {
        CredentialRegistry registry = new CredentialRegistry();
        assertThat(registry.accountFor("123456789012")).isEqualTo("123456789012");
        assertThat(registry.accountFor("1234567890123")).isEqualTo("000000000000");
        assertThat(registry.accountFor("AKIAIOSFODNN7EXAMPLE")).isEqualTo("000000000000");
    }

    @Test
    void registeredKeysCarryTheirAccount() {
        CredentialRegistry registry = new CredentialRegistry();
        registry.register(new Credentials("ASIATEMP", "secret", "token", "111122223333",
                "arn:aws:sts::111122223333:assumed-role/r/s", Instant.parse("2026-01-01T13:00:00Z")));

        assertThat(registry.accountFor("ASIATEMP")).isEqualTo("111122223333");
        assertThat(registry.remove("ASIATEMP")).isTrue();
        assertThat(registry.find("ASIATEMP")).isEmpty();
    }

    @Test
    void instancesDoNotShareKeys() {
        CredentialRegistry one = CredentialRegistry.withDefaults();
        CredentialRegistry two = CredentialRegistry.withDefaults();
        one.register(Credentials.root("AKIAONE", "s", "123456789012"));
        assertThat(two.find("AKIAONE")).isEmpty();
    }
}
