package io.kasumi.bench;

/** STS GetCallerIdentity: the cheapest signed request, so mostly HTTP, SigV4 and the query codec. */
record StsCallerIdentityWorkload() implements Workload {

    @Override
    public String name() {
        return "sts-caller-identity";
    }

    @Override
    public String service() {
        return "sts";
    }

    @Override
    public Run prepare(SdkClients sdk, Setup setup) {
        return () -> {
            sdk.sts().getCallerIdentity();
            return 1;
        };
    }
}
