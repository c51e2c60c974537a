package io.kasumi.protocol.rest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderListsTest {

    @Test
    void splitsQuotedStrings() {
        assertThat(HeaderLists.split("\"b,c\", \"\\\"def\\\"\", a", false)).containsExactly("b,c", "\"def\"", "a");
    }

    @Test
    void keepsHttpDatesWhole() {
        assertThat(HeaderLists.split("Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT", true))
                .containsExactly("Mon, 16 Dec 2019 23:48:18 GMT", "Mon, 16 Dec 2019 23:48:18 GMT");
    }

    @Test
    void quotesOnlyWhenNeeded() {
        assertThat(HeaderLists.join(List.of("b,c", "\"def\"", "a"))).isEqualTo("\"b,c\", \"\\\"def\\\"\", a");
    }
}
