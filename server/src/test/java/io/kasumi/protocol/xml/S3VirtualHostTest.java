package io.kasumi.protocol.xml;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class S3VirtualHostTest {

    @ParameterizedTest
    @CsvSource({
            "mybucket.s3.localhost, mybucket",
            "mybucket.s3.localhost:4566, mybucket",
            "mybucket.s3.us-east-1.localhost:4566, mybucket",
            "my.bucket.s3.localhost, my.bucket",
            "logs.s3.archive.s3.localhost, logs.s3.archive",
            "MyBucket.S3.LocalHost, mybucket",
            "mybucket.s3.amazonaws.com, mybucket",
            "mybucket.s3.us-west-2.amazonaws.com, mybucket",
            "mybucket.s3.dualstack.us-west-2.amazonaws.com, mybucket",
            "mybucket.s3-accelerate.amazonaws.com, mybucket",
            "mybucket.s3-accelerate.dualstack.amazonaws.com, mybucket",
            "mybucket.s3-fips.us-east-1.amazonaws.com, mybucket",
            "mybucket.s3-us-west-2.amazonaws.com, mybucket",
            "mybucket.s3-external-1.amazonaws.com, mybucket",
            "site.example.s3-website-us-east-1.amazonaws.com, site.example",
            "site.s3-website.eu-west-1.amazonaws.com, site",
            "b--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com, b--usw2-az1--x-s3",
    })
    void takesTheBucketFromVirtualHosts(String host, String bucket) {
        assertThat(S3VirtualHost.bucket(host)).isEqualTo(bucket);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3.localhost", "s3.localhost:4566", "localhost", "localhost:4566", "127.0.0.1:4566",
            "s3.us-west-2.amazonaws.com", "s3-accelerate.amazonaws.com", "[::1]:4566", ".s3.localhost",
            "123456789012.s3-control.us-east-1.amazonaws.com", "route.s3-object-lambda.us-east-1.amazonaws.com",
            "s3express-control.us-west-2.amazonaws.com", "sqs.us-east-1.localhost"})
    void findsNoBucketInPathStyleOrOtherServicesHosts(String host) {
        assertThat(S3VirtualHost.bucket(host)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "/, /b",
            "'', /b",
            "/key.txt, /b/key.txt",
            "/../key.txt, /b/../key.txt",
            "//leading, /b//leading",
            "/a%20b/c, /b/a%20b/c",
    })
    void prefixesThePathWithTheBucket(String rawPath, String pathStyle) {
        assertThat(S3VirtualHost.pathStyle("b", rawPath)).isEqualTo(pathStyle);
    }
}
