package io.kasumi.services.sts;

import io.kasumi.api.OperationHandler;
import io.kasumi.api.sts.StsApi;
import io.kasumi.services.ServiceContext;
import io.kasumi.services.ServiceModule;

import java.util.Map;

/** Registers STS: its handlers come from the generated dispatch table. */
public final class StsModule implements ServiceModule {
    private final StsSessions sessions;
    private final StsService service;
    private final Map<String, OperationHandler> handlers;

    public StsModule(ServiceContext context) {
        this.sessions = new StsSessions(context.store(), context.credentials());
        this.service = new StsService(sessions, context.credentials());
        this.handlers = StsApi.handlers(service);
    }

    @Override
    public String name() {
        return StsApi.SERVICE_NAME;
    }

    @Override
    public Map<String, OperationHandler> handlers() {
        return handlers;
    }

    @Override
    public Object implementation() {
        return service;
    }

    @Override
    public void reset() {
        sessions.clear();
    }
}
