package org.lifeevents.common.intake;

import org.apache.avro.specific.SpecificRecord;

/** Handles one decoded event inside the intake's transaction. */
@FunctionalInterface
public interface EventHandler {

    void handle(SpecificRecord event);
}
