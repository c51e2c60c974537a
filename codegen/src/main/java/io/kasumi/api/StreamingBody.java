package io.kasumi.api;

import java.io.InputStream;

/**
 * A streamed blob (a model member with the "streaming" trait): never buffered on the heap.
 *
 * @param length the byte count, or -1 when unknown
 * @param contentType the media type, or null
 */
public record StreamingBody(InputStream stream, long length, String contentType) {
}
