package org.lifeevents.localservers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void portsForAStackAreDistinctFreeAndOutsideTheRangeOutgoingConnectionsTakeTheirPortsFrom() throws IOException {
        int[] ports = Ports.free(8);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(8);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (Files.isReadable(range)) {
            int ephemeralStart = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
            if (ephemeralStart > 11_000) {
                assertThat(Arrays.stream(ports).boxed().toList()).allMatch(port -> port >= 10_000 && port < ephemeralStart);
            }
        }
    }
}
