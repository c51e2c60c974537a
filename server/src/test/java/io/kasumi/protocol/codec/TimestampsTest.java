package io.kasumi.protocol.codec;

import io.kasumi.api.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {
    private static final Instant DEC_16 = Instant.ofEpochSecond(1576540098);

    @Test
    void formatsEachWireForm() {
        assertThat(Timestamps.format(DEC_16, TimestampFormat.HTTP_DATE)).isEqualTo("Mon, 16 Dec 2019 23:48:18 GMT");
        assertThat(Timestamps.format(DEC_16, TimestampFormat.DATE_TIME)).isEqualTo("2019-12-16T23:48:18Z");
        assertThat(Timestamps.format(DEC_16, TimestampFormat.EPOCH_SECONDS)).isEqualTo("1576540098");
        assertThat(Timestamps.format(DEC_16.plusMillis(120), TimestampFormat.EPOCH_SECONDS)).isEqualTo("1576540098.12");
        assertThat(Timestamps.format(Instant.parse("2000-01-02T03:04:05Z"), TimestampFormat.HTTP_DATE))
                .isEqualTo("Sun, 02 Jan 2000 03:04:05 GMT");
    }

    @Test
    void parsesEachWireForm() {
        assertThat(Timestamps.parse("Mon, 16 Dec 2019 23:48:18 GMT", TimestampFormat.HTTP_DATE)).isEqualTo(DEC_16);
        assertThat(Timestamps.parse("2019-12-16T23:48:18Z", TimestampFormat.DATE_TIME)).isEqualTo(DEC_16);
        assertThat(Timestamps.parse("1576540098.5", TimestampFormat.EPOCH_SECONDS)).isEqualTo(DEC_16.plusMillis(500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1996-12-19T16:39:57", "1996-12-19T16:39:57-08:00", "19961219T163957Z", "1996-12-19T16:39:57+00", "1515531081", "Tue, 29 Apr 2014 18:30:38 GMT"})
    void rejectsDateTimesNotInRfc3339(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text, TimestampFormat.DATE_TIME))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("SerializationException"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "1515531081ABC", "0x42", "1515531081.123.456", "Infinity", "NaN", "2019-12-16T23:48:18Z"})
    void rejectsMalformedEpochSeconds(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text, TimestampFormat.EPOCH_SECONDS)).isInstanceOf(AwsException.class);
    }

    @Test
    void mapsBotocoreAndSmithyFormatNames() {
        assertThat(TimestampFormat.of("rfc822", null)).isEqualTo(TimestampFormat.HTTP_DATE);
        assertThat(TimestampFormat.of("iso8601", null)).isEqualTo(TimestampFormat.DATE_TIME);
        assertThat(TimestampFormat.of("unixTimestamp", null)).isEqualTo(TimestampFormat.EPOCH_SECONDS);
        assertThat(TimestampFormat.of("epoch-seconds", null)).isEqualTo(TimestampFormat.EPOCH_SECONDS);
        assertThat(TimestampFormat.of(null, TimestampFormat.DATE_TIME)).isEqualTo(TimestampFormat.DATE_TIME);
    }
}
