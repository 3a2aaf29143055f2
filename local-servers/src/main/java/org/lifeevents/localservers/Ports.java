package org.lifeevents.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports, so tests of several checkouts can run side by side.
 * <p>
 * Ports are chosen below the system's ephemeral range where there is room: a server is told its port before it binds
 * it, and in between any outgoing connection (a Kafka client, a JDBC pool) may take a port of the ephemeral range as
 * its own local port. A stack of seven services started one after the other lost that race now and then (a service
 * exiting with "port in use"). Where the range cannot be read, the system hands out the ports itself.
 */
public final class Ports {

    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 1_000;

    private Ports() {
    }

    public static int free() {
        return free(1)[0];
    }

    /**
     * Several free ports, all different: each socket stays bound until all are chosen, because the system may hand out a
     * port again as soon as its socket is closed (two listeners of one server on one port fail its start).
     */
    public static int[] free(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int below = ephemeralRangeStart();
            for (int attempt = 0; sockets.size() < count && below - LOWEST > 1_000 && attempt < ATTEMPTS; attempt++) {
                bind(ThreadLocalRandom.current().nextInt(LOWEST, below), sockets);
            }
            while (sockets.size() < count) {
                bind(0, sockets);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // the port is free again either way
                }
            }
        }
    }

    /** The given port, or a free one when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? free() : port;
    }

    /** Binds the port (0: any the system picks) and keeps the socket; a port in use is skipped. */
    private static void bind(int port, List<ServerSocket> sockets) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            try {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            } catch (IOException inUse) {
                socket.close();
                if (port == 0) {
                    throw inUse;
                }
                return;
            }
            sockets.add(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first port of Linux's ephemeral range, or {@link #LOWEST} (no room below) where it cannot be read. */
    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return LOWEST;
        }
    }
}
