package io.prodev.labs.grader.testjvm;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Makes starting a program impossible for every thread of this JVM from now on, whatever asks: Java code
 * ({@code ProcessBuilder}), a library, or native code (JNI, the foreign-function API). It installs a seccomp
 * filter that answers {@code execve} and {@code execveat} with EPERM, on all threads at once
 * ({@code SECCOMP_FILTER_FLAG_TSYNC}); threads started later inherit it. The test JVM calls it after its
 * fixtures have started (a Redis fixture starts {@code redis-server}) and before any learner code loads.
 *
 * <p>It needs the foreign-function API (JDK 22 and later), reached by reflection since the grader is built
 * for Java 17, and Linux on x86-64 or AArch64. Elsewhere {@link #install()} says why not; on JDK 17 to 23 the
 * SecurityManager still denies programs that Java code starts.
 */
final class NoPrograms {

    private static final int AUDIT_ARCH_X86_64 = 0xC000003E;
    private static final int AUDIT_ARCH_AARCH64 = 0xC00000B7;
    private static final int X32_SYSCALL_BIT = 0x40000000;
    private static final int SECCOMP_RET_ALLOW = 0x7fff0000;
    private static final int SECCOMP_RET_ERRNO_EPERM = 0x00050000 | 1;
    private static final long SECCOMP_SET_MODE_FILTER = 1;
    private static final long SECCOMP_FILTER_FLAG_TSYNC = 1;
    private static final long PR_SET_NO_NEW_PRIVS = 38;

    private NoPrograms() {}

    /** @return null once installed; otherwise why it could not be */
    static String install() {
        if (Runtime.version().feature() < 22) {
            return "JDK " + Runtime.version().feature() + " has no foreign-function API";
        }
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return "seccomp exists only on Linux";
        }
        Syscalls calls = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> new Syscalls(AUDIT_ARCH_X86_64, 59, 322, 317, true);
            case "aarch64" -> new Syscalls(AUDIT_ARCH_AARCH64, 221, 281, 277, false);
            default -> null;
        };
        if (calls == null) {
            return "no seccomp filter for " + System.getProperty("os.arch");
        }
        try {
            return installFilter(calls);
        } catch (Throwable e) {
            return "the seccomp filter could not be installed: " + e;
        }
    }

    /** The system's numbers: its audit architecture, execve, execveat and seccomp. */
    private record Syscalls(int arch, int execve, int execveat, int seccomp, boolean hasX32) {}

    /**
     * The classic BPF program: on another architecture, or for execve, execveat or any x32 call, EPERM; else allow.
     * Each instruction is {@code u16 code, u8 jt, u8 jf, u32 k}; jumps count instructions after the next one.
     */
    static byte[] filter(Syscalls calls) {
        ByteBuffer program = ByteBuffer.allocate(8 * 8).order(ByteOrder.nativeOrder());
        instruction(program, 0x20, 0, 0, 4); // 0: A = seccomp_data.arch
        instruction(program, 0x15, 0, 5, calls.arch()); // 1: not this arch -> 7 (deny)
        instruction(program, 0x20, 0, 0, 0); // 2: A = seccomp_data.nr
        instruction(program, 0x15, 3, 0, calls.execve()); // 3: execve -> 7
        instruction(program, 0x15, 2, 0, calls.execveat()); // 4: execveat -> 7
        instruction(program, 0x35, calls.hasX32() ? 1 : 0, 0, X32_SYSCALL_BIT); // 5: x32 call -> 7
        instruction(program, 0x06, 0, 0, SECCOMP_RET_ALLOW); // 6: allow
        instruction(program, 0x06, 0, 0, SECCOMP_RET_ERRNO_EPERM); // 7: deny with EPERM
        return program.array();
    }

    private static void instruction(ByteBuffer program, int code, int jt, int jf, int k) {
        program.putShort((short) code).put((byte) jt).put((byte) jf).putInt(k);
    }

    /** prctl(PR_SET_NO_NEW_PRIVS), then seccomp(SET_MODE_FILTER, TSYNC, &prog), through the foreign-function API. */
    private static String installFilter(Syscalls calls) throws Throwable {
        Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
        Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
        Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> valueLayoutType = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> arenaType = Class.forName("java.lang.foreign.Arena");

        Object linker = linkerType.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
        Optional<?> syscall =
                (Optional<?>) lookupType.getMethod("find", String.class).invoke(lookup, "syscall");
        if (syscall.isEmpty()) {
            return "the C library has no syscall()";
        }
        Object javaLong = valueLayoutType.getField("JAVA_LONG").get(null);
        Object address = valueLayoutType.getField("ADDRESS").get(null);
        // syscall(number, a1, a2, a3, a4, a5): all five passed, since prctl wants its unused ones zero
        Object arguments = Array.newInstance(layoutType, 6);
        Array.set(arguments, 0, javaLong);
        Array.set(arguments, 1, javaLong);
        Array.set(arguments, 2, javaLong);
        Array.set(arguments, 3, address);
        Array.set(arguments, 4, javaLong);
        Array.set(arguments, 5, javaLong);
        Object descriptor =
                descriptorType.getMethod("of", layoutType, arguments.getClass()).invoke(null, javaLong, arguments);
        Object options = Array.newInstance(optionType, 1);
        Array.set(
                options, 0, optionType.getMethod("firstVariadicArg", int.class).invoke(null, 1)); // syscall(long, ...)
        MethodHandle call = (MethodHandle) linkerType
                .getMethod("downcallHandle", segmentType, descriptorType, options.getClass())
                .invoke(linker, syscall.get(), descriptor, options);

        Object arena = arenaType.getMethod("global").invoke(null);
        byte[] program = filter(calls);
        Object filter = allocate(arenaType, arena, segmentType, program);
        long filterAddress = (long) segmentType.getMethod("address").invoke(filter);
        ByteBuffer fprog = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        fprog.putShort((short) (program.length / 8))
                .putShort((short) 0)
                .putInt(0)
                .putLong(filterAddress);
        Object prog = allocate(arenaType, arena, segmentType, fprog.array());
        Object nothing = segmentType.getField("NULL").get(null);

        long prctl = calls.arch() == AUDIT_ARCH_X86_64 ? 157 : 167;
        long privs = (long) call.invokeWithArguments(prctl, PR_SET_NO_NEW_PRIVS, 1L, nothing, 0L, 0L);
        if (privs != 0) {
            return "prctl(PR_SET_NO_NEW_PRIVS) failed";
        }
        long result = (long) call.invokeWithArguments(
                (long) calls.seccomp(), SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, prog, 0L, 0L);
        return result == 0 ? null : "seccomp() failed (" + result + ")";
    }

    private static Object allocate(Class<?> arenaType, Object arena, Class<?> segmentType, byte[] bytes)
            throws Exception {
        Object segment = arenaType.getMethod("allocate", long.class, long.class).invoke(arena, (long) bytes.length, 8L);
        Object source = segmentType.getMethod("ofArray", byte[].class).invoke(null, (Object) bytes);
        segmentType.getMethod("copyFrom", segmentType).invoke(segment, source);
        return segment;
    }
}
