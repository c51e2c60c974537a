package io.kasumi.services.sqs;

import io.kasumi.api.OperationHandler;
import io.kasumi.api.sqs.SqsApi;
import io.kasumi.services.ServiceContext;
import io.kasumi.services.ServiceModule;

import java.util.Map;

/** Registers SQS: queues are rebuilt from the store as the module starts. */
public final class SqsModule implements ServiceModule {
    private final QueueRegistry queues;
    private final SqsService service;
    private final Map<String, OperationHandler> handlers;

    public SqsModule(ServiceContext context) {
        this.queues = new QueueRegistry(new SqsStore(context.store()), context.clock());
        this.service = new SqsService(queues);
        this.handlers = SqsApi.handlers(service);
        context.links().provide(QueueDelivery.class, service::deliver);
    }

    @Override
    public String name() {
        return SqsApi.SERVICE_NAME;
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
        queues.reset();
    }
}
