package org.qrtrace.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevSecretsTest {

    @Test
    void aSecretAddedLaterIsAppendedToAnExistingStackAndTheOthersKept(@TempDir Path dir) throws Exception {
        // A stack created before the SMSC existed: every secret but the SMPP password.
        DevSecrets created = DevSecrets.loadOrCreate(dir);
        Path file = dir.resolve(DevSecrets.FILE);
        String before = Files.readString(file).replaceAll("(?m)^QRTRACE_SMPP_PASSWORD=.*\n", "");
        Files.writeString(file, before);

        DevSecrets upgraded = DevSecrets.loadOrCreate(dir);
        assertEquals(created.get("QRTRACE_PEPPER"), upgraded.get("QRTRACE_PEPPER"));
        assertEquals(created.get("QRTRACE_SEAL_PRIVATE_KEY"), upgraded.get("QRTRACE_SEAL_PRIVATE_KEY"));
        String password = upgraded.get("QRTRACE_SMPP_PASSWORD");
        assertTrue(password.matches("[A-Za-z0-9]{8}"), "SMPP 3.4 takes at most 8 characters: " + password);
        assertTrue(Files.readString(file).startsWith(before), "existing lines are kept as they were");
        assertEquals(password, DevSecrets.loadOrCreate(dir).get("QRTRACE_SMPP_PASSWORD"), "generated once");
    }
}
