package org.paperdigest.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code Authorization} headers tests send to the admin operations of the fetcher and the publisher. The users
 * are those of the services' test profile ({@code %test.paperdigest.admin.password}, user {@code reader}); the
 * system test passes {@link #PASSWORD} to the services it starts.
 */
public final class AdminCredentials {

    public static final String HEADER = "Authorization";
    public static final String PASSWORD = "test-admin-password";
    /** The admin user. */
    public static final String ADMIN = basic("admin", PASSWORD);
    /** The admin user with a wrong password: 401. */
    public static final String WRONG_PASSWORD = basic("admin", "not-the-password");
    /** A known user without the admin role: 403. */
    public static final String READER = basic("reader", "test-reader-password");

    private AdminCredentials() {
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
