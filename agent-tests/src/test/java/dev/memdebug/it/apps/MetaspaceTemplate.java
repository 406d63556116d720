package dev.memdebug.it.apps;

/**
 * A class with many methods, whose bytes {@link MetaspaceFiller} defines again and again as hidden
 * classes: each copy costs metaspace (methods, constant pool), which is what the test grows. Generated;
 * the bodies only need to be distinct bytecode of some size.
 */
public final class MetaspaceTemplate {

    private MetaspaceTemplate() {
    }

    public static long m0(long x, String s) {
        long r = x * 3 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 1) + "c0".hashCode();
        }
        return r ^ 0L;
    }

    public static long m1(long x, String s) {
        long r = x * 4 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 2) + "c1".hashCode();
        }
        return r ^ 7919L;
    }

    public static long m2(long x, String s) {
        long r = x * 5 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 3) + "c2".hashCode();
        }
        return r ^ 15838L;
    }

    public static long m3(long x, String s) {
        long r = x * 6 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 4) + "c3".hashCode();
        }
        return r ^ 23757L;
    }

    public static long m4(long x, String s) {
        long r = x * 7 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 5) + "c4".hashCode();
        }
        return r ^ 31676L;
    }

    public static long m5(long x, String s) {
        long r = x * 8 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 6) + "c5".hashCode();
        }
        return r ^ 39595L;
    }

    public static long m6(long x, String s) {
        long r = x * 9 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 7) + "c6".hashCode();
        }
        return r ^ 47514L;
    }

    public static long m7(long x, String s) {
        long r = x * 10 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 8) + "c7".hashCode();
        }
        return r ^ 55433L;
    }

    public static long m8(long x, String s) {
        long r = x * 11 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 9) + "c8".hashCode();
        }
        return r ^ 63352L;
    }

    public static long m9(long x, String s) {
        long r = x * 12 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 10) + "c9".hashCode();
        }
        return r ^ 71271L;
    }

    public static long m10(long x, String s) {
        long r = x * 13 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 11) + "c10".hashCode();
        }
        return r ^ 79190L;
    }

    public static long m11(long x, String s) {
        long r = x * 14 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 12) + "c11".hashCode();
        }
        return r ^ 87109L;
    }

    public static long m12(long x, String s) {
        long r = x * 15 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 13) + "c12".hashCode();
        }
        return r ^ 95028L;
    }

    public static long m13(long x, String s) {
        long r = x * 16 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 1) + "c13".hashCode();
        }
        return r ^ 102947L;
    }

    public static long m14(long x, String s) {
        long r = x * 17 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 2) + "c14".hashCode();
        }
        return r ^ 110866L;
    }

    public static long m15(long x, String s) {
        long r = x * 18 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 3) + "c15".hashCode();
        }
        return r ^ 118785L;
    }

    public static long m16(long x, String s) {
        long r = x * 19 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 4) + "c16".hashCode();
        }
        return r ^ 126704L;
    }

    public static long m17(long x, String s) {
        long r = x * 20 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 5) + "c17".hashCode();
        }
        return r ^ 134623L;
    }

    public static long m18(long x, String s) {
        long r = x * 21 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 6) + "c18".hashCode();
        }
        return r ^ 142542L;
    }

    public static long m19(long x, String s) {
        long r = x * 22 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 7) + "c19".hashCode();
        }
        return r ^ 150461L;
    }

    public static long m20(long x, String s) {
        long r = x * 23 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 8) + "c20".hashCode();
        }
        return r ^ 158380L;
    }

    public static long m21(long x, String s) {
        long r = x * 24 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 9) + "c21".hashCode();
        }
        return r ^ 166299L;
    }

    public static long m22(long x, String s) {
        long r = x * 25 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 10) + "c22".hashCode();
        }
        return r ^ 174218L;
    }

    public static long m23(long x, String s) {
        long r = x * 26 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 11) + "c23".hashCode();
        }
        return r ^ 182137L;
    }

    public static long m24(long x, String s) {
        long r = x * 27 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 12) + "c24".hashCode();
        }
        return r ^ 190056L;
    }

    public static long m25(long x, String s) {
        long r = x * 28 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 13) + "c25".hashCode();
        }
        return r ^ 197975L;
    }

    public static long m26(long x, String s) {
        long r = x * 29 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 1) + "c26".hashCode();
        }
        return r ^ 205894L;
    }

    public static long m27(long x, String s) {
        long r = x * 30 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 2) + "c27".hashCode();
        }
        return r ^ 213813L;
    }

    public static long m28(long x, String s) {
        long r = x * 31 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 3) + "c28".hashCode();
        }
        return r ^ 221732L;
    }

    public static long m29(long x, String s) {
        long r = x * 32 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 4) + "c29".hashCode();
        }
        return r ^ 229651L;
    }

    public static long m30(long x, String s) {
        long r = x * 33 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 5) + "c30".hashCode();
        }
        return r ^ 237570L;
    }

    public static long m31(long x, String s) {
        long r = x * 34 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 6) + "c31".hashCode();
        }
        return r ^ 245489L;
    }

    public static long m32(long x, String s) {
        long r = x * 35 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 7) + "c32".hashCode();
        }
        return r ^ 253408L;
    }

    public static long m33(long x, String s) {
        long r = x * 36 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 8) + "c33".hashCode();
        }
        return r ^ 261327L;
    }

    public static long m34(long x, String s) {
        long r = x * 37 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 9) + "c34".hashCode();
        }
        return r ^ 269246L;
    }

    public static long m35(long x, String s) {
        long r = x * 38 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 10) + "c35".hashCode();
        }
        return r ^ 277165L;
    }

    public static long m36(long x, String s) {
        long r = x * 39 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 11) + "c36".hashCode();
        }
        return r ^ 285084L;
    }

    public static long m37(long x, String s) {
        long r = x * 40 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 12) + "c37".hashCode();
        }
        return r ^ 293003L;
    }

    public static long m38(long x, String s) {
        long r = x * 41 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 13) + "c38".hashCode();
        }
        return r ^ 300922L;
    }

    public static long m39(long x, String s) {
        long r = x * 42 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 1) + "c39".hashCode();
        }
        return r ^ 308841L;
    }

    public static long m40(long x, String s) {
        long r = x * 43 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 2) + "c40".hashCode();
        }
        return r ^ 316760L;
    }

    public static long m41(long x, String s) {
        long r = x * 44 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 3) + "c41".hashCode();
        }
        return r ^ 324679L;
    }

    public static long m42(long x, String s) {
        long r = x * 45 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 4) + "c42".hashCode();
        }
        return r ^ 332598L;
    }

    public static long m43(long x, String s) {
        long r = x * 46 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 5) + "c43".hashCode();
        }
        return r ^ 340517L;
    }

    public static long m44(long x, String s) {
        long r = x * 47 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 6) + "c44".hashCode();
        }
        return r ^ 348436L;
    }

    public static long m45(long x, String s) {
        long r = x * 48 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 7) + "c45".hashCode();
        }
        return r ^ 356355L;
    }

    public static long m46(long x, String s) {
        long r = x * 49 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 8) + "c46".hashCode();
        }
        return r ^ 364274L;
    }

    public static long m47(long x, String s) {
        long r = x * 50 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 9) + "c47".hashCode();
        }
        return r ^ 372193L;
    }

    public static long m48(long x, String s) {
        long r = x * 51 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 10) + "c48".hashCode();
        }
        return r ^ 380112L;
    }

    public static long m49(long x, String s) {
        long r = x * 52 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 11) + "c49".hashCode();
        }
        return r ^ 388031L;
    }

    public static long m50(long x, String s) {
        long r = x * 53 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 12) + "c50".hashCode();
        }
        return r ^ 395950L;
    }

    public static long m51(long x, String s) {
        long r = x * 54 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 13) + "c51".hashCode();
        }
        return r ^ 403869L;
    }

    public static long m52(long x, String s) {
        long r = x * 55 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 1) + "c52".hashCode();
        }
        return r ^ 411788L;
    }

    public static long m53(long x, String s) {
        long r = x * 56 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 2) + "c53".hashCode();
        }
        return r ^ 419707L;
    }

    public static long m54(long x, String s) {
        long r = x * 57 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 3) + "c54".hashCode();
        }
        return r ^ 427626L;
    }

    public static long m55(long x, String s) {
        long r = x * 58 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 4) + "c55".hashCode();
        }
        return r ^ 435545L;
    }

    public static long m56(long x, String s) {
        long r = x * 59 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 5) + "c56".hashCode();
        }
        return r ^ 443464L;
    }

    public static long m57(long x, String s) {
        long r = x * 60 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 6) + "c57".hashCode();
        }
        return r ^ 451383L;
    }

    public static long m58(long x, String s) {
        long r = x * 61 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 7) + "c58".hashCode();
        }
        return r ^ 459302L;
    }

    public static long m59(long x, String s) {
        long r = x * 62 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 8) + "c59".hashCode();
        }
        return r ^ 467221L;
    }

    public static long m60(long x, String s) {
        long r = x * 63 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 9) + "c60".hashCode();
        }
        return r ^ 475140L;
    }

    public static long m61(long x, String s) {
        long r = x * 64 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 10) + "c61".hashCode();
        }
        return r ^ 483059L;
    }

    public static long m62(long x, String s) {
        long r = x * 65 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 11) + "c62".hashCode();
        }
        return r ^ 490978L;
    }

    public static long m63(long x, String s) {
        long r = x * 66 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 12) + "c63".hashCode();
        }
        return r ^ 498897L;
    }

    public static long m64(long x, String s) {
        long r = x * 67 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 13) + "c64".hashCode();
        }
        return r ^ 506816L;
    }

    public static long m65(long x, String s) {
        long r = x * 68 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 1) + "c65".hashCode();
        }
        return r ^ 514735L;
    }

    public static long m66(long x, String s) {
        long r = x * 69 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 2) + "c66".hashCode();
        }
        return r ^ 522654L;
    }

    public static long m67(long x, String s) {
        long r = x * 70 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 3) + "c67".hashCode();
        }
        return r ^ 530573L;
    }

    public static long m68(long x, String s) {
        long r = x * 71 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 4) + "c68".hashCode();
        }
        return r ^ 538492L;
    }

    public static long m69(long x, String s) {
        long r = x * 72 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 5) + "c69".hashCode();
        }
        return r ^ 546411L;
    }

    public static long m70(long x, String s) {
        long r = x * 73 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 6) + "c70".hashCode();
        }
        return r ^ 554330L;
    }

    public static long m71(long x, String s) {
        long r = x * 74 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 7) + "c71".hashCode();
        }
        return r ^ 562249L;
    }

    public static long m72(long x, String s) {
        long r = x * 75 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 8) + "c72".hashCode();
        }
        return r ^ 570168L;
    }

    public static long m73(long x, String s) {
        long r = x * 76 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 9) + "c73".hashCode();
        }
        return r ^ 578087L;
    }

    public static long m74(long x, String s) {
        long r = x * 77 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 10) + "c74".hashCode();
        }
        return r ^ 586006L;
    }

    public static long m75(long x, String s) {
        long r = x * 78 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 11) + "c75".hashCode();
        }
        return r ^ 593925L;
    }

    public static long m76(long x, String s) {
        long r = x * 79 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 12) + "c76".hashCode();
        }
        return r ^ 601844L;
    }

    public static long m77(long x, String s) {
        long r = x * 80 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 13) + "c77".hashCode();
        }
        return r ^ 609763L;
    }

    public static long m78(long x, String s) {
        long r = x * 81 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 1) + "c78".hashCode();
        }
        return r ^ 617682L;
    }

    public static long m79(long x, String s) {
        long r = x * 82 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 2) + "c79".hashCode();
        }
        return r ^ 625601L;
    }

    public static long m80(long x, String s) {
        long r = x * 83 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 3) + "c80".hashCode();
        }
        return r ^ 633520L;
    }

    public static long m81(long x, String s) {
        long r = x * 84 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 4) + "c81".hashCode();
        }
        return r ^ 641439L;
    }

    public static long m82(long x, String s) {
        long r = x * 85 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 5) + "c82".hashCode();
        }
        return r ^ 649358L;
    }

    public static long m83(long x, String s) {
        long r = x * 86 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 6) + "c83".hashCode();
        }
        return r ^ 657277L;
    }

    public static long m84(long x, String s) {
        long r = x * 87 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 7) + "c84".hashCode();
        }
        return r ^ 665196L;
    }

    public static long m85(long x, String s) {
        long r = x * 88 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 8) + "c85".hashCode();
        }
        return r ^ 673115L;
    }

    public static long m86(long x, String s) {
        long r = x * 89 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 9) + "c86".hashCode();
        }
        return r ^ 681034L;
    }

    public static long m87(long x, String s) {
        long r = x * 90 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 10) + "c87".hashCode();
        }
        return r ^ 688953L;
    }

    public static long m88(long x, String s) {
        long r = x * 91 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 11) + "c88".hashCode();
        }
        return r ^ 696872L;
    }

    public static long m89(long x, String s) {
        long r = x * 92 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 12) + "c89".hashCode();
        }
        return r ^ 704791L;
    }

    public static long m90(long x, String s) {
        long r = x * 93 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 13) + "c90".hashCode();
        }
        return r ^ 712710L;
    }

    public static long m91(long x, String s) {
        long r = x * 94 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 1) + "c91".hashCode();
        }
        return r ^ 720629L;
    }

    public static long m92(long x, String s) {
        long r = x * 95 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 2) + "c92".hashCode();
        }
        return r ^ 728548L;
    }

    public static long m93(long x, String s) {
        long r = x * 96 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 3) + "c93".hashCode();
        }
        return r ^ 736467L;
    }

    public static long m94(long x, String s) {
        long r = x * 97 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 4) + "c94".hashCode();
        }
        return r ^ 744386L;
    }

    public static long m95(long x, String s) {
        long r = x * 98 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 5) + "c95".hashCode();
        }
        return r ^ 752305L;
    }

    public static long m96(long x, String s) {
        long r = x * 99 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 6) + "c96".hashCode();
        }
        return r ^ 760224L;
    }

    public static long m97(long x, String s) {
        long r = x * 100 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 7) + "c97".hashCode();
        }
        return r ^ 768143L;
    }

    public static long m98(long x, String s) {
        long r = x * 101 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 8) + "c98".hashCode();
        }
        return r ^ 776062L;
    }

    public static long m99(long x, String s) {
        long r = x * 102 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 9) + "c99".hashCode();
        }
        return r ^ 783981L;
    }

    public static long m100(long x, String s) {
        long r = x * 103 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 10) + "c100".hashCode();
        }
        return r ^ 791900L;
    }

    public static long m101(long x, String s) {
        long r = x * 104 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 11) + "c101".hashCode();
        }
        return r ^ 799819L;
    }

    public static long m102(long x, String s) {
        long r = x * 105 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 12) + "c102".hashCode();
        }
        return r ^ 807738L;
    }

    public static long m103(long x, String s) {
        long r = x * 106 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 13) + "c103".hashCode();
        }
        return r ^ 815657L;
    }

    public static long m104(long x, String s) {
        long r = x * 107 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 1) + "c104".hashCode();
        }
        return r ^ 823576L;
    }

    public static long m105(long x, String s) {
        long r = x * 108 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 2) + "c105".hashCode();
        }
        return r ^ 831495L;
    }

    public static long m106(long x, String s) {
        long r = x * 109 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 3) + "c106".hashCode();
        }
        return r ^ 839414L;
    }

    public static long m107(long x, String s) {
        long r = x * 110 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 4) + "c107".hashCode();
        }
        return r ^ 847333L;
    }

    public static long m108(long x, String s) {
        long r = x * 111 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 5) + "c108".hashCode();
        }
        return r ^ 855252L;
    }

    public static long m109(long x, String s) {
        long r = x * 112 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 6) + "c109".hashCode();
        }
        return r ^ 863171L;
    }

    public static long m110(long x, String s) {
        long r = x * 113 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 7) + "c110".hashCode();
        }
        return r ^ 871090L;
    }

    public static long m111(long x, String s) {
        long r = x * 114 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 8) + "c111".hashCode();
        }
        return r ^ 879009L;
    }

    public static long m112(long x, String s) {
        long r = x * 115 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 9) + "c112".hashCode();
        }
        return r ^ 886928L;
    }

    public static long m113(long x, String s) {
        long r = x * 116 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 10) + "c113".hashCode();
        }
        return r ^ 894847L;
    }

    public static long m114(long x, String s) {
        long r = x * 117 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 11) + "c114".hashCode();
        }
        return r ^ 902766L;
    }

    public static long m115(long x, String s) {
        long r = x * 118 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 12) + "c115".hashCode();
        }
        return r ^ 910685L;
    }

    public static long m116(long x, String s) {
        long r = x * 119 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 13) + "c116".hashCode();
        }
        return r ^ 918604L;
    }

    public static long m117(long x, String s) {
        long r = x * 120 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 1) + "c117".hashCode();
        }
        return r ^ 926523L;
    }

    public static long m118(long x, String s) {
        long r = x * 121 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 2) + "c118".hashCode();
        }
        return r ^ 934442L;
    }

    public static long m119(long x, String s) {
        long r = x * 122 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 3) + "c119".hashCode();
        }
        return r ^ 942361L;
    }

    public static long m120(long x, String s) {
        long r = x * 123 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 4) + "c120".hashCode();
        }
        return r ^ 950280L;
    }

    public static long m121(long x, String s) {
        long r = x * 124 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 5) + "c121".hashCode();
        }
        return r ^ 958199L;
    }

    public static long m122(long x, String s) {
        long r = x * 125 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 6) + "c122".hashCode();
        }
        return r ^ 966118L;
    }

    public static long m123(long x, String s) {
        long r = x * 126 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 7) + "c123".hashCode();
        }
        return r ^ 974037L;
    }

    public static long m124(long x, String s) {
        long r = x * 127 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 8) + "c124".hashCode();
        }
        return r ^ 981956L;
    }

    public static long m125(long x, String s) {
        long r = x * 128 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 9) + "c125".hashCode();
        }
        return r ^ 989875L;
    }

    public static long m126(long x, String s) {
        long r = x * 129 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 10) + "c126".hashCode();
        }
        return r ^ 997794L;
    }

    public static long m127(long x, String s) {
        long r = x * 130 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 11) + "c127".hashCode();
        }
        return r ^ 1005713L;
    }

    public static long m128(long x, String s) {
        long r = x * 131 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 12) + "c128".hashCode();
        }
        return r ^ 1013632L;
    }

    public static long m129(long x, String s) {
        long r = x * 132 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 13) + "c129".hashCode();
        }
        return r ^ 1021551L;
    }

    public static long m130(long x, String s) {
        long r = x * 133 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 1) + "c130".hashCode();
        }
        return r ^ 1029470L;
    }

    public static long m131(long x, String s) {
        long r = x * 134 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 2) + "c131".hashCode();
        }
        return r ^ 1037389L;
    }

    public static long m132(long x, String s) {
        long r = x * 135 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 3) + "c132".hashCode();
        }
        return r ^ 1045308L;
    }

    public static long m133(long x, String s) {
        long r = x * 136 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 4) + "c133".hashCode();
        }
        return r ^ 1053227L;
    }

    public static long m134(long x, String s) {
        long r = x * 137 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 5) + "c134".hashCode();
        }
        return r ^ 1061146L;
    }

    public static long m135(long x, String s) {
        long r = x * 138 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 6) + "c135".hashCode();
        }
        return r ^ 1069065L;
    }

    public static long m136(long x, String s) {
        long r = x * 139 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 7) + "c136".hashCode();
        }
        return r ^ 1076984L;
    }

    public static long m137(long x, String s) {
        long r = x * 140 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 8) + "c137".hashCode();
        }
        return r ^ 1084903L;
    }

    public static long m138(long x, String s) {
        long r = x * 141 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 9) + "c138".hashCode();
        }
        return r ^ 1092822L;
    }

    public static long m139(long x, String s) {
        long r = x * 142 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 10) + "c139".hashCode();
        }
        return r ^ 1100741L;
    }

    public static long m140(long x, String s) {
        long r = x * 143 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 11) + "c140".hashCode();
        }
        return r ^ 1108660L;
    }

    public static long m141(long x, String s) {
        long r = x * 144 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 12) + "c141".hashCode();
        }
        return r ^ 1116579L;
    }

    public static long m142(long x, String s) {
        long r = x * 145 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 13) + "c142".hashCode();
        }
        return r ^ 1124498L;
    }

    public static long m143(long x, String s) {
        long r = x * 146 + s.length();
        for (int k = 0; k < 5; k++) {
            r = r * 31 + (r >>> 1) + "c143".hashCode();
        }
        return r ^ 1132417L;
    }

    public static long m144(long x, String s) {
        long r = x * 147 + s.length();
        for (int k = 0; k < 6; k++) {
            r = r * 31 + (r >>> 2) + "c144".hashCode();
        }
        return r ^ 1140336L;
    }

    public static long m145(long x, String s) {
        long r = x * 148 + s.length();
        for (int k = 0; k < 7; k++) {
            r = r * 31 + (r >>> 3) + "c145".hashCode();
        }
        return r ^ 1148255L;
    }

    public static long m146(long x, String s) {
        long r = x * 149 + s.length();
        for (int k = 0; k < 8; k++) {
            r = r * 31 + (r >>> 4) + "c146".hashCode();
        }
        return r ^ 1156174L;
    }

    public static long m147(long x, String s) {
        long r = x * 150 + s.length();
        for (int k = 0; k < 2; k++) {
            r = r * 31 + (r >>> 5) + "c147".hashCode();
        }
        return r ^ 1164093L;
    }

    public static long m148(long x, String s) {
        long r = x * 151 + s.length();
        for (int k = 0; k < 3; k++) {
            r = r * 31 + (r >>> 6) + "c148".hashCode();
        }
        return r ^ 1172012L;
    }

    public static long m149(long x, String s) {
        long r = x * 152 + s.length();
        for (int k = 0; k < 4; k++) {
            r = r * 31 + (r >>> 7) + "c149".hashCode();
        }
        return r ^ 1179931L;
    }
}
