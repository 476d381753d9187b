package io.lossreview.common.security;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Makes the key pairs the services sign their internal tokens with: {@code <name>.private.pem} for
 * each signer and one {@code internal-jwks.json} with all their public keys (key id = the signer's
 * name), which every service trusts. Only the JDK is used, so a script can run this file as it is:
 * {@code java InternalKeyFiles.java DIR api-gateway review-scheduler}. Existing files are kept.
 */
public final class InternalKeyFiles {

    public static final String JWKS = "internal-jwks.json";

    private InternalKeyFiles() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java InternalKeyFiles.java DIR SIGNER [SIGNER...]");
            System.exit(2);
        }
        ensure(Path.of(args[0]), List.of(args).subList(1, args.length));
    }

    public static String privateKeyFile(String signer) {
        return signer + ".private.pem";
    }

    /** Creates the missing key pairs of these signers in dir and (re)writes the JWKS of all of them. */
    public static synchronized void ensure(Path dir, List<String> signers) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        List<String> keys = new ArrayList<>();
        for (String signer : signers) {
            if (!signer.matches("[a-z][a-z0-9-]{0,62}")) {
                throw new IllegalArgumentException("a signer's name is lower-case letters, digits and '-': " + signer);
            }
            Path privateFile = dir.resolve(privateKeyFile(signer));
            Path publicFile = dir.resolve(signer + ".public.jwk.json");
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writePrivate(privateFile, pem(pair.getPrivate().getEncoded()));
                Files.writeString(publicFile, jwk(signer, (RSAPublicKey) pair.getPublic()));
            }
            keys.add(Files.readString(publicFile));
        }
        Path jwks = dir.resolve(JWKS);
        Path tmp = dir.resolve(JWKS + ".tmp");
        Files.writeString(tmp, "{\"keys\":[" + String.join(",", keys) + "]}\n");
        Files.move(tmp, jwks, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        Files.writeString(file, pem);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own protection has to do.
        }
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String jwk(String kid, RSAPublicKey key) {
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                + base64url(key.getModulus()) + "\",\"e\":\"" + base64url(key.getPublicExponent()) + "\"}";
    }

    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        // BigInteger's two's complement adds a leading zero byte to a positive number whose top bit is set.
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
