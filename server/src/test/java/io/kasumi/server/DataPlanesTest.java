package io.kasumi.server;

import io.kasumi.api.OperationHandler;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.services.DataPlane;
import io.kasumi.services.ServiceModule;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DataPlanesTest {
    private final DataPlanes planes = new DataPlanes(Map.of(
            "apigateway", module("apigateway", "execute-api"),
            "s3", module("s3", "s3-website"),
            "sqs", module("sqs", null)));

    @Test
    void hostWithTheLabelGoesToItsService() {
        assertThat(planes.find("a1b2c3.execute-api.localhost:4566", "/")).map(DataPlanes.Match::service).contains("apigateway");
        assertThat(planes.find("A1B2C3.EXECUTE-API.us-east-1.localhost", "/")).map(DataPlanes.Match::service).contains("apigateway");
    }

    @Test
    void labelFollowedByDashAndRegionMatches() {
        assertThat(planes.find("site.s3-website-us-east-1.localhost", "/")).map(DataPlanes.Match::service).contains("s3");
        assertThat(planes.find("site.s3-website.us-east-1.localhost", "/")).map(DataPlanes.Match::service).contains("s3");
    }

    @Test
    void apiHostsAndUnlabelledHostsAreNotDataPlanes() {
        assertThat(planes.find("localhost:4566", "/")).isEmpty();
        assertThat(planes.find("bucket.s3.localhost", "/")).isEmpty();
        assertThat(planes.find("execute-apis.localhost", "/")).isEmpty();
        assertThat(planes.find(null, null)).isEmpty();
    }

    @Test
    void pathPrefixUnderAwsGoesToItsService() {
        assertThat(planes.find("localhost:4566", "/_aws/execute-api/a1b2c3/prod/pets")).map(DataPlanes.Match::service).contains("apigateway");
        assertThat(planes.find("localhost:4566", "/_aws/other/x")).isEmpty();
        assertThat(planes.find("localhost:4566", "/restapis/a1b2c3")).isEmpty();
    }

    private static ServiceModule module(String name, String label) {
        return new ServiceModule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, OperationHandler> handlers() {
                return Map.of();
            }

            @Override
            public Object implementation() {
                return this;
            }

            @Override
            public Optional<DataPlane> dataPlane() {
                return Optional.ofNullable(label).map(l -> new DataPlane(Set.of(l), Set.of("/_aws/" + l + "/"), request -> HttpResponse.text(200, "text/plain", name)));
            }

            @Override
            public void reset() {
            }
        };
    }
}
