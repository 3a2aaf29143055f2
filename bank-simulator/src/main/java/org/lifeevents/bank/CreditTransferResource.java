package org.lifeevents.bank;

import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The bank's file interface: pain.001 in, pain.002 out; and what it received, for the demo and tests. */
@Path("/")
@Tag(name = "Credit transfers")
public class CreditTransferResource {

    @Inject
    CreditTransferDesk desk;

    @POST
    @Path("/pain001")
    @Consumes({ MediaType.APPLICATION_XML, MediaType.TEXT_XML })
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Send a pain.001.001.09 customer credit transfer file; the answer is its pain.002.001.10 status report")
    @RequestBody(description = "The pain.001 document")
    @APIResponse(responseCode = "200", description = "The status report: group status ACSC, PART or RJCT, and each transfer's status with its reason code")
    @APIResponse(responseCode = "401", description = "No or a wrong X-Api-Key")
    public byte[] receive(byte[] pain001) {
        return desk.receive(pain001);
    }

    @GET
    @Path("/files")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Files received, newest first: message id, how often it was sent, credited and rejected transfers")
    @APIResponse(responseCode = "200", description = "The files")
    public List<FileView> files() {
        return desk.received().stream()
                .sorted(Comparator.comparing(ReceivedFile::receivedAt).reversed())
                .map(f -> new FileView(f.messageId(), f.receivedAt().toString(), f.deliveries().get(), f.credited(),
                        f.rejected(), f.creditedCents()))
                .toList();
    }

    /** One received file as the listing shows it. */
    public record FileView(String messageId, String receivedAt, int deliveries, int credited, int rejected,
            long creditedCents) {
    }
}
