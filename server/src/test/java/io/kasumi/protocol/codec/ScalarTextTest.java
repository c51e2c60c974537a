package io.kasumi.protocol.codec;

import io.kasumi.api.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScalarTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"True", "TRUE", "yes", "1", "on", ""})
    void acceptsOnlyLowerCaseBooleans(String text) {
        assertThatThrownBy(() -> ScalarText.parseBoolean(text)).isInstanceOf(AwsException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.001", "2ABC", "0x42", "Infinity", "NaN", "2147483648", "true"})
    void rejectsNonIntegersAndOverflowForInts(String text) {
        assertThatThrownBy(() -> ScalarText.parseIntegral(text, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }

    @Test
    void parsesNonFiniteDoublesBySpelling() {
        assertThat(ScalarText.parseDouble("NaN")).isNaN();
        assertThat(ScalarText.parseDouble("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ScalarText.parseDouble("1.1")).isEqualTo(1.1);
        assertThatThrownBy(() -> ScalarText.parseDouble("1.1f")).isInstanceOf(AwsException.class);
    }

    @Test
    void formatsFloatsWithoutWidening() {
        assertThat(ScalarText.format(1.1f, TimestampFormat.HTTP_DATE)).isEqualTo("1.1");
        assertThat(ScalarText.format(Double.POSITIVE_INFINITY, TimestampFormat.HTTP_DATE)).isEqualTo("Infinity");
    }

    @Test
    void decodesOnlyPaddedBase64() {
        assertThat(Base64Values.decode("YmxvYg==")).asString().isEqualTo("blob");
        assertThatThrownBy(() -> Base64Values.decode("YmxvYg=")).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> Base64Values.decode("xyz")).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> Base64Values.decode("-_==")).isInstanceOf(AwsException.class);
    }
}
