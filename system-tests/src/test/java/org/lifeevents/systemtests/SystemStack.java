package org.lifeevents.systemtests;

import java.nio.file.Path;

import org.lifeevents.localstack.LocalStack;
import org.lifeevents.localstack.StackSettings;

/** One running stack for all system tests of the run: free ports, data under target/, stopped when the JVM exits. */
final class SystemStack {

    private static LocalStack stack;

    private SystemStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path checkout = Path.of(System.getProperty("lifeevents.root", "..")).toAbsolutePath().normalize();
            Path data = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().getParent().resolve("stack");
            stack = LocalStack.start(StackSettings.forTests(checkout, data));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }
}
