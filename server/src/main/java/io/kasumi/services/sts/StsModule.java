package io.kasumi.services.sts;

import io.kasumi.api.sts.StsApi;
import io.kasumi.services.ApiModule;
import io.kasumi.services.ServiceContext;

/** Registers STS: its handlers come from the generated dispatch table. */
public final class StsModule extends ApiModule {
    private final StsSessions sessions;

    public StsModule(ServiceContext context) {
        StsSessions sessions = new StsSessions(context.store(), context.credentials());
        StsService service = new StsService(sessions, context.credentials());
        super(StsApi.SERVICE_NAME, service, StsApi.handlers(service));
        this.sessions = sessions;
    }

    @Override
    public void reset() {
        sessions.clear();
    }
}
