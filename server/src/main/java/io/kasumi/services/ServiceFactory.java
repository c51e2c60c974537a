package io.kasumi.services;

/** Builds a service module for one Kasumi instance: adding a service is one such registration. */
@FunctionalInterface
public interface ServiceFactory {
    ServiceModule create(ServiceContext context);
}
