package io.kasumi.protocol.json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptHeaderTest {

    @ParameterizedTest(name = "Accept: {0} / {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|application/json|true",
            "''|application/json|true",
            "application/json|application/json|true",
            "Application/JSON; charset=utf-8|application/json|true",
            "*/*|image/jpeg|true",
            "image/*|image/jpeg|true",
            "text/*|image/jpeg|false",
            "application/hal+json|application/json|false",
            "text/plain, application/json;q=0.5|application/json|true",
            "application/json;q=0|application/json|false",
            "application/json;q=bogus|application/json|true",
            "',,'|application/json|true",
            // java.net.HttpURLConnection's default Accept
            "'text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2'|application/json|true",
    })
    void decidesWhetherAMediaTypeIsAcceptable(String header, String mediaType, boolean acceptable) {
        assertThat(AcceptHeader.parse(header).accepts(mediaType)).isEqualTo(acceptable);
    }
}
