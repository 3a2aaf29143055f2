package org.lifeevents.payment.bank;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.lifeevents.payment.PaymentConfig;

/**
 * Hands a pain.001 file to the bank and returns the pain.002 status report it answers with. Sending the same file again
 * is safe: the bank recognises its message id and answers with the same report, which is what makes a resumed run's
 * re-send harmless. Passing failures are retried a few times; then the run stops, to be resumed.
 */
@ApplicationScoped
public class BankClient {

    public static final String API_KEY_HEADER = "X-Api-Key";

    @Inject
    PaymentConfig config;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Retry(maxRetries = 3, delay = 2000, retryOn = BankUnavailableException.class)
    public byte[] send(byte[] pain001) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.bank().url() + "/pain001"))
                .header("Content-Type", "application/xml")
                .header(API_KEY_HEADER, config.bank().apiKey())
                .timeout(config.bank().timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(pain001))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new BankUnavailableException("The bank answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new BankUnavailableException("The bank could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BankUnavailableException("Interrupted while sending to the bank");
        }
    }

    /** The bank did not take the file now; the run can be resumed later. */
    public static class BankUnavailableException extends RuntimeException {
        public BankUnavailableException(String message) {
            super(message);
        }
    }
}
