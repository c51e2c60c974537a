package io.kasumi.protocol.rest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UriTemplateTest {

    @Test
    void greedyLabelKeepsSlashesAndDecodes() {
        UriTemplate template = UriTemplate.parse("/{Bucket}/{Key+}");
        assertThat(template.match("/photos/2024//a%2Fb%20c+d.jpg"))
                .containsEntry("Bucket", "photos")
                .containsEntry("Key", "2024//a/b c+d.jpg");
    }

    @Test
    void greedyLabelMayBeFollowedByLiterals() {
        UriTemplate template = UriTemplate.parse("/foo/{Path+}/bar");
        assertThat(template.match("/foo/a/b/c/bar")).containsEntry("Path", "a/b/c");
        assertThat(template.match("/foo/bar")).isNull();
    }

    @Test
    void labelsMustBeNonEmpty() {
        assertThat(UriTemplate.parse("/{Bucket}/{Key+}").match("/bucket/")).isNull();
        assertThat(UriTemplate.parse("/{Bucket}").match("/bucket/")).containsEntry("Bucket", "bucket");
        assertThat(UriTemplate.parse("/{Bucket}").match("/")).isNull();
    }

    @Test
    void literalQueryKeysMustBePresent() {
        UriTemplate uploads = UriTemplate.parse("/{Bucket}/{Key+}?uploads");
        assertThat(uploads.literalQuery()).containsKey("uploads");
        assertThat(uploads.queryMatches(Map.of("uploads", List.of("")))).isTrue();
        assertThat(uploads.queryMatches(Map.of())).isFalse();
        UriTemplate listV2 = UriTemplate.parse("/{Bucket}?list-type=2");
        assertThat(listV2.queryMatches(Map.of("list-type", List.of("2")))).isTrue();
        assertThat(listV2.queryMatches(Map.of("list-type", List.of("1")))).isFalse();
    }

    @Test
    void ordersLiteralQueryBeforeBareTemplate() {
        UriTemplate bare = UriTemplate.parse("/{Bucket}");
        UriTemplate tagging = UriTemplate.parse("/{Bucket}?tagging");
        assertThat(UriTemplate.compareSpecificity(tagging, bare)).isNegative();
    }
}
