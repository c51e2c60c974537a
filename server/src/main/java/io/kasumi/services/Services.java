package io.kasumi.services;

import io.kasumi.services.sns.SnsModule;
import io.kasumi.services.sqs.SqsModule;
import io.kasumi.services.sts.StsModule;

import java.util.Map;

/** The service implementations Kasumi ships, by model name. */
public final class Services {

    public static Map<String, ServiceFactory> standard() {
        return Map.of(
                "sns", SnsModule::new,
                "sqs", SqsModule::new,
                "sts", StsModule::new);
    }

    private Services() {
    }
}
