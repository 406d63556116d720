package dev.memdebug.weavetarget;

import java.util.ArrayList;
import java.util.List;

/**
 * Classes the weaving tests rewrite and load in a fresh loader. Outside the agent's packages on
 * purpose: the transformer never touches those. Each method is shaped to test one thing of the woven
 * code (wide arguments, several returns, a throw, loops and handlers that carry stack map frames).
 */
public final class Targets {

    private Targets() {
    }

    public interface Shape {
        double area(double scale);
    }

    public abstract static class Base implements Shape {
        public abstract String name();
    }

    /** A subtype of {@link Shape} two levels down. */
    public static class Square extends Base {
        private final double side;

        public Square(double side) {
            this.side = side;
        }

        public Square() {
            this(1.0);
        }

        @Override
        public double area(double scale) {
            return side * side * scale;
        }

        @Override
        public String name() {
            return "square";
        }
    }

    /** A generic interface: its implementation gets a bridge method {@code handle(Object)} from javac. */
    public interface Handler<T> {
        int handle(T item);
    }

    public static final class TextHandler implements Handler<String> {
        @Override
        public int handle(String item) {
            return item.length();
        }
    }

    /** Unrelated to {@link Shape}, though it has a method of the same name. */
    public static final class Field {
        public double area(double scale) {
            return scale;
        }
    }

    public static final class Calls {
        public final long constant = 1_234_567_890_123L;
        public final double ratio = 2.5;

        public long wide(long a, double b, int c, String d) {
            return a + (long) b + c + d.length();
        }

        public static int twice(int n) {
            return 2 * n;
        }

        public static void fail(String why) {
            throw new IllegalStateException(why);
        }

        public String classify(int n) {
            if (n < 0) {
                return "negative";
            }
            switch (n) {
                case 0:
                    return "zero";
                case 1:
                    return "one";
                default:
                    break;
            }
            for (int i = 2; i < n; i++) {
                if (n % i == 0) {
                    return "composite";
                }
            }
            return "prime";
        }

        /** Starts with a loop, so its first instruction carries a frame of its own. */
        public int loopFirst(int n) {
            int sum = 0;
            while (n > 0) {
                sum += n--;
            }
            return sum;
        }

        public synchronized String guarded(List<String> items) {
            StringBuilder out = new StringBuilder();
            try {
                for (String item : items) {
                    out.append(item.length());
                }
                return out.toString();
            } catch (NullPointerException e) {
                return "npe";
            } finally {
                out.setLength(0);
            }
        }

        public boolean flag(boolean b, char c, byte y, short s, float f) {
            return b && c == 'x' && y == 1 && s == 2 && f > 0;
        }

        public void nothing() {
        }

        public List<String> list() {
            return new ArrayList<>(List.of("a"));
        }
    }
}
