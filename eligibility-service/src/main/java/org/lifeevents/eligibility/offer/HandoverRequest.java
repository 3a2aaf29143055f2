package org.lifeevents.eligibility.offer;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.common.identity.ValidPersonId;

/** Whom the monthly benefits of a child go to from next month: the other legal parent. */
@Schema(description = "Hand a child's monthly benefits to the other legal parent from the 1st of next month", example = """
        {"recipientId": "39205202210"}""")
public record HandoverRequest(@NotNull @ValidPersonId String recipientId) {
}
