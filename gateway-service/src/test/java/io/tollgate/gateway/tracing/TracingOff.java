package io.tollgate.gateway.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.tollgate.model.tracing.TracingSwitch;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** The gateway's tracing as it runs by default (no OTLP endpoint), for benches outside this package. */
public final class TracingOff {

    private TracingOff() {
    }

    public static RequestTracing requestTracing() {
        var beans = new StaticListableBeanFactory();
        return new RequestTracing(beans.getBeanProvider(Tracer.class), beans.getBeanProvider(Propagator.class),
                new MockEnvironment().withProperty(TracingSwitch.ENABLED, "false"));
    }
}
