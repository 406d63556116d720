package dev.memdebug.it.apps;

/** Runs without the agent, loads its classes, and then calls a method every 50 ms until killed: for attach tests. */
public final class LateApp {

    public static final class Worker {
        public int beat(int n) {
            return n + 1;
        }
    }

    public static void main(String[] args) throws Exception {
        Worker worker = new Worker();
        int n = worker.beat(0);
        System.out.println("ready");
        System.out.flush();
        long end = System.currentTimeMillis() + Long.parseLong(args[0]);
        while (System.currentTimeMillis() < end) {
            n = worker.beat(n);
            Thread.sleep(50);
        }
        System.out.println("beats " + n);
    }
}
