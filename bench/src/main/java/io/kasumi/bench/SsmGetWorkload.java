package io.kasumi.bench;

import software.amazon.awssdk.services.ssm.model.ParameterType;

/** SSM GetParameter of one String parameter, as an application reads its configuration. */
record SsmGetWorkload() implements Workload {
    @Override
    public String name() {
        return "ssm-get";
    }

    @Override
    public String service() {
        return "ssm";
    }

    @Override
    public Run prepare(SdkClients sdk, Setup setup) {
        String name = "/bench/app-" + System.nanoTime() + "/url";
        sdk.ssm().putParameter(b -> b.name(name).type(ParameterType.STRING).value("https://db.internal:5432/app"));
        return new Run() {
            @Override
            public int execute() {
                sdk.ssm().getParameter(b -> b.name(name));
                return 1;
            }

            @Override
            public void close() {
                sdk.ssm().deleteParameter(b -> b.name(name));
            }
        };
    }
}
