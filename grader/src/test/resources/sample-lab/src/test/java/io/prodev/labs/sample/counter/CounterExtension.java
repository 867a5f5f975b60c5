package io.prodev.labs.sample.counter;

import io.prodev.labs.labkit.fixture.FixtureEnvironment;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link WithCounter}: one counter server per test run, kept in the root store. When
 * {@value CounterFixture#PORT_VARIABLE} is set ({@link FixtureEnvironment}: the grader's warm test JVM started
 * the server), it uses that one; otherwise it starts its own, which JUnit closes when the run ends. It says
 * once which it chose. It never resets the count: the grader does that before each submission.
 */
public class CounterExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(CounterExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CounterEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent("endpoint", key -> choose(context.getRoot()), CounterEndpoint.class);
    }

    private static CounterEndpoint choose(ExtensionContext root) {
        String port = FixtureEnvironment.current().get(CounterFixture.PORT_VARIABLE);
        if (port != null && !port.isBlank()) {
            CounterEndpoint running = new CounterEndpoint("127.0.0.1", Integer.parseInt(port.strip()));
            System.out.println("[sample-lab] counter for tests: counter server on " + running.host() + ":"
                    + running.port() + " (" + CounterFixture.PORT_VARIABLE + " is set)");
            return running;
        }
        CounterServer own =
                root.getStore(NAMESPACE).computeIfAbsent("server", key -> CounterServer.start(), CounterServer.class);
        System.out.println("[sample-lab] counter for tests: " + own.description() + " (" + CounterFixture.PORT_VARIABLE
                + " is not set: started one for this test run)");
        return own.endpoint();
    }
}
