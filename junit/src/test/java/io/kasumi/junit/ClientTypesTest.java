package io.kasumi.junit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Any SDK v2 client type can be injected, including services Kasumi does not implement yet. */
@KasumiTest
class ClientTypesTest {

    @Test
    void injectsAsyncClients(StsAsyncClient sts) {
        assertThat(sts.getCallerIdentity().join().account()).isEqualTo("000000000000");
    }

    @Test
    void makesOneClientPerTypeForTheInstance(StsClient first, StsClient second, StsAsyncClient async) {
        assertThat(first).isSameAs(second);
        assertThat(async).isNotSameAs(first);
    }

    @Test
    void s3ClientsAddressBucketsByPath(S3Client s3, URI endpoint) {
        // a virtual-hosted request would go to my-bucket.127.0.0.1 and fail before reaching Kasumi
        assertThatThrownBy(() -> s3.headBucket(r -> r.bucket("my-bucket")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
        assertThat(s3.utilities().getUrl(r -> r.bucket("my-bucket").key("a/b.txt")).toString())
                .isEqualTo(endpoint + "/my-bucket/a/b.txt");
    }

    @Test
    void asyncS3ClientsAddressBucketsByPathToo(S3AsyncClient s3, URI endpoint) {
        assertThat(s3.utilities().getUrl(r -> r.bucket("my-bucket").key("k")).toString())
                .isEqualTo(endpoint + "/my-bucket/k");
    }

    @Test
    void clientsOfServicesNotImplementedYetReachKasumi(KmsClient kms) {
        assertThatThrownBy(kms::listKeys).isInstanceOfSatisfying(KmsException.class,
                e -> assertThat(e.statusCode()).isEqualTo(501));
    }
}
