package io.kasumi.services.sqs;

import io.kasumi.api.sqs.SqsApi;
import io.kasumi.services.ApiModule;
import io.kasumi.services.ServiceContext;

/** Registers SQS: queues are rebuilt from the store as the module starts. */
public final class SqsModule extends ApiModule {
    private final QueueRegistry queues;

    public SqsModule(ServiceContext context) {
        QueueRegistry queues = new QueueRegistry(new SqsStore(context.store()), context.clock());
        SqsService service = new SqsService(queues);
        super(SqsApi.SERVICE_NAME, service, SqsApi.handlers(service));
        this.queues = queues;
        context.links().provide(QueueDelivery.class, service::deliver);
    }

    @Override
    public void reset() {
        queues.reset();
    }
}
