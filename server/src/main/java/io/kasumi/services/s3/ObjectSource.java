package io.kasumi.services.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * What S3 offers services that read objects (Lambda code from S3, CloudFormation templates):
 * an object's current or given version, read as GetObject would.
 */
public interface ObjectSource {

    /** @param versionId null for the current version; empty when the bucket, key or version does not exist */
    Optional<InputStream> open(String bucket, String key, String versionId) throws IOException;
}
