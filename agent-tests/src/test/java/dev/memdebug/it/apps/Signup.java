package dev.memdebug.it.apps;

/**
 * Handles sign-ups carrying personal data and secrets: {@code Signup HOLD_MS}. Prints {@code signed up}
 * and holds still for HOLD_MS (so a test can look at the running process), then exits 0.
 */
public final class Signup {

    public record Request(long userId, String email, String phone, String apiKey) {
    }

    public static int register(Request request, String password) {
        return request.email().length() + password.length();
    }

    public static void main(String[] args) throws Exception {
        register(new Request(77777, "alice.smith@example.com", "+44 20 7946 0958", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"), "hunter2");
        System.out.println("signed up");
        System.out.flush();
        Thread.sleep(Long.parseLong(args[0]));
    }
}
