<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>occ</name>
    <message>
        <source>Docker is not installed</source>
        <translation>Docker ist nicht installiert</translation>
    </message>
    <message>
        <source>Docker is not running</source>
        <translation>Docker läuft nicht</translation>
    </message>
    <message>
        <source>no permission to use Docker</source>
        <translation>keine Berechtigung für Docker</translation>
    </message>
    <message>
        <source>Docker cannot be reached</source>
        <translation>Docker ist nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>occ::AccessPage</name>
    <message>
        <source>Who may connect</source>
        <translation>Wer sich verbinden darf</translation>
    </message>
    <message>
        <source>Choose where the opencode web UI can be reached from.</source>
        <translation>Wählen Sie, von wo die Weboberfläche von opencode erreichbar ist.</translation>
    </message>
</context>
<context>
    <name>occ::AccessWidget</name>
    <message>
        <source>Only this computer (recommended)</source>
        <translation>Nur dieser Computer (empfohlen)</translation>
    </message>
    <message>
        <source>Other devices on my network (LAN)</source>
        <translation>Andere Geräte in meinem Netzwerk (LAN)</translation>
    </message>
    <message>
        <source>Behind a load balancer or reverse proxy (public URL)</source>
        <translation>Hinter einem Load Balancer oder Reverse Proxy (öffentliche URL)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>The web UI listens on 127.0.0.1: nothing outside this computer can connect.</source>
        <translation>Die Weboberfläche lauscht auf 127.0.0.1: Nichts außerhalb dieses Computers kann sich verbinden.</translation>
    </message>
    <message>
        <source>The web UI listens on all interfaces. Anyone on your network can reach the login page, so a strong password is required. Traffic is not encrypted.</source>
        <translation>Die Weboberfläche lauscht auf allen Schnittstellen. Jeder in Ihrem Netzwerk erreicht die Anmeldeseite, daher ist ein starkes Passwort nötig. Der Verkehr ist nicht verschlüsselt.</translation>
    </message>
    <message>
        <source>Your proxy terminates TLS and forwards to this port. You will enter the public URL on the next page.</source>
        <translation>Ihr Proxy übernimmt TLS und leitet an diesen Port weiter. Die öffentliche URL geben Sie auf der nächsten Seite ein.</translation>
    </message>
    <message>
        <source>Port %1 is used by your opencode-cloud service.</source>
        <translation>Port %1 wird von Ihrem opencode-cloud-Dienst verwendet.</translation>
    </message>
    <message>
        <source>Port %1 is free.</source>
        <translation>Port %1 ist frei.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Port %1 is already in use.&lt;/b&gt; Choose another port.</source>
        <translation>&lt;b&gt;Port %1 ist bereits belegt.&lt;/b&gt; Wählen Sie einen anderen Port.</translation>
    </message>
</context>
<context>
    <name>occ::ApplyPage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Setting up</source>
        <translation>Einrichtung läuft</translation>
    </message>
    <message>
        <source>Saving your choices and starting the service. The first start builds the image, which takes a few minutes.</source>
        <translation>Ihre Auswahl wird gespeichert und der Dienst gestartet. Beim ersten Start wird das Image gebaut, das dauert einige Minuten.</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>Setup did not finish.</source>
        <translation>Die Einrichtung wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Saving the configuration…</source>
        <translation>Konfiguration wird gespeichert …</translation>
    </message>
    <message>
        <source>The configuration could not be saved.</source>
        <translation>Die Konfiguration konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Saved the configuration to %1.</source>
        <translation>Konfiguration in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Kept the stored password.</source>
        <translation>Gespeichertes Passwort beibehalten.</translation>
    </message>
    <message>
        <source>The password could not be saved.</source>
        <translation>Das Passwort konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Saved the password.</source>
        <translation>Passwort gespeichert.</translation>
    </message>
    <message>
        <source>Warning: could not change &quot;start at login&quot;: %1</source>
        <translation>Warnung: „Beim Anmelden starten“ konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>opencode-cloud will start when you log in.</source>
        <translation>opencode-cloud startet, wenn Sie sich anmelden.</translation>
    </message>
    <message>
        <source>opencode-cloud will not start at login.</source>
        <translation>opencode-cloud startet nicht beim Anmelden.</translation>
    </message>
    <message>
        <source>Your choices are saved. Start the service from the tray when you are ready.</source>
        <translation>Ihre Auswahl ist gespeichert. Starten Sie den Dienst über das Symbol im Systembereich, wenn Sie so weit sind.</translation>
    </message>
    <message>
        <source>Starting the service…</source>
        <translation>Dienst wird gestartet …</translation>
    </message>
    <message>
        <source>Building the image (step %1 of %2)…</source>
        <translation>Image wird gebaut (Schritt %1 von %2) …</translation>
    </message>
    <message>
        <source>Waiting for opencode to answer…</source>
        <translation>Warten auf Antwort von opencode …</translation>
    </message>
    <message>
        <source>The service did not start.</source>
        <translation>Der Dienst ist nicht gestartet.</translation>
    </message>
    <message>
        <source>Your choices are saved. Fix the problem and press &quot;Try again&quot;, or finish now and start the service from the tray later.</source>
        <translation>Ihre Auswahl ist gespeichert. Beheben Sie das Problem und klicken Sie auf „Erneut versuchen“, oder beenden Sie jetzt und starten Sie den Dienst später über den Systembereich.</translation>
    </message>
    <message>
        <source>The service is running.</source>
        <translation>Der Dienst läuft.</translation>
    </message>
    <message>
        <source>The service is running at %1.</source>
        <translation>Der Dienst läuft unter %1.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Cancelling at the next step…</source>
        <translation>Abbruch beim nächsten Schritt …</translation>
    </message>
</context>
<context>
    <name>occ::CredentialsPage</name>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>opencode asks for this password in the browser (user name &quot;%1&quot;).</source>
        <translation>opencode fragt im Browser nach diesem Passwort (Benutzername „%1“).</translation>
    </message>
</context>
<context>
    <name>occ::CredentialsWidget</name>
    <message>
        <source>Very weak</source>
        <translation>Sehr schwach</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Ausreichend</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Sehr stark</translation>
    </message>
    <message>
        <source>&amp;Generate a strong password (recommended)</source>
        <translation>Starkes Passwort &amp;erzeugen (empfohlen)</translation>
    </message>
    <message>
        <source>&amp;Set my own password</source>
        <translation>&amp;Eigenes Passwort festlegen</translation>
    </message>
    <message>
        <source>&amp;Keep the current password</source>
        <translation>Aktuelles Passwort &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Generated password</source>
        <translation>Erzeugtes Passwort</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Generate another password</source>
        <translation>Ein anderes Passwort erzeugen</translation>
    </message>
    <message>
        <source>Copy the password to the clipboard</source>
        <translation>Passwort in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Passwort bestätigen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>C&amp;onfirm:</source>
        <translation>Bes&amp;tätigen:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>Geben Sie ein Passwort ein.</translation>
    </message>
    <message>
        <source>This password is too weak.</source>
        <translation>Dieses Passwort ist zu schwach.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Die Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>At least &quot;fair&quot;: long, not a common word, not your user name.</source>
        <translation>Mindestens „ausreichend“: lang, kein gängiges Wort, nicht Ihr Benutzername.</translation>
    </message>
</context>
<context>
    <name>occ::DetectionPage</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Checking this computer</source>
        <translation>Dieser Computer wird geprüft</translation>
    </message>
    <message>
        <source>opencode-cloud runs in a Docker container. Let&apos;s see what is here already.</source>
        <translation>opencode-cloud läuft in einem Docker-Container. Sehen wir nach, was schon vorhanden ist.</translation>
    </message>
    <message>
        <source>Looking for the Docker engine…</source>
        <translation>Docker-Engine wird gesucht …</translation>
    </message>
    <message>
        <source>Docker %1 is running (API %2) at %3.</source>
        <translation>Docker %1 läuft (API %2) unter %3.</translation>
    </message>
    <message>
        <source>Docker does not seem to be installed.</source>
        <translation>Docker scheint nicht installiert zu sein.</translation>
    </message>
    <message>
        <source>Docker is installed but not running.</source>
        <translation>Docker ist installiert, läuft aber nicht.</translation>
    </message>
    <message>
        <source>You may not use Docker: permission denied on %1.</source>
        <translation>Sie dürfen Docker nicht verwenden: Zugriff verweigert auf %1.</translation>
    </message>
    <message>
        <source>This Docker engine is too old.</source>
        <translation>Diese Docker-Engine ist zu alt.</translation>
    </message>
    <message>
        <source>Docker could not be reached: %1</source>
        <translation>Docker ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>a config file (%1)</source>
        <translation>eine Konfigurationsdatei (%1)</translation>
    </message>
    <message>
        <source>a config file with problems (%1)</source>
        <translation>eine fehlerhafte Konfigurationsdatei (%1)</translation>
    </message>
    <message>
        <source>a running service container</source>
        <translation>einen laufenden Dienst-Container</translation>
    </message>
    <message>
        <source>a stopped service container</source>
        <translation>einen gestoppten Dienst-Container</translation>
    </message>
    <message numerus="yes">
        <source>%n data volume(s)</source>
        <translation>
            <numerusform>%n Daten-Volume</numerusform>
            <numerusform>%n Daten-Volumes</numerusform>
        </translation>
    </message>
    <message>
        <source>No earlier setup found: this is a fresh start.</source>
        <translation>Keine frühere Einrichtung gefunden: Es ist ein Neuanfang.</translation>
    </message>
    <message>
        <source>Found %1. They are kept: setup only changes what you choose.</source>
        <translation>Gefunden: %1. Alles bleibt erhalten: Die Einrichtung ändert nur, was Sie auswählen.</translation>
    </message>
    <message>
        <source>Port %1 is used by your running service.</source>
        <translation>Port %1 wird von Ihrem laufenden Dienst verwendet.</translation>
    </message>
    <message>
        <source>Port %1 is free.</source>
        <translation>Port %1 ist frei.</translation>
    </message>
    <message>
        <source>Port %1 is taken; port %2 will be suggested instead.</source>
        <translation>Port %1 ist belegt; stattdessen wird Port %2 vorgeschlagen.</translation>
    </message>
    <message>
        <source>Port %1 is taken.</source>
        <translation>Port %1 ist belegt.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>occ::DetectionResult</name>
    <message>
        <source>Install Docker Engine (or Docker Desktop), then press Retry.</source>
        <translation>Installieren Sie Docker Engine (oder Docker Desktop) und klicken Sie dann auf „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>Start the Docker engine, then press Retry.</source>
        <translation>Starten Sie die Docker-Engine und klicken Sie dann auf „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>Add your user to the &quot;docker&quot; group, log out and back in, then press Retry.</source>
        <translation>Fügen Sie Ihren Benutzer der Gruppe „docker“ hinzu, melden Sie sich ab und wieder an und klicken Sie dann auf „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>To try it without logging out, start a shell with the new group:</source>
        <translation>Um es ohne Abmelden zu versuchen, starten Sie eine Shell mit der neuen Gruppe:</translation>
    </message>
    <message>
        <source>Update Docker: this engine&apos;s API is too old.</source>
        <translation>Aktualisieren Sie Docker: Die API dieser Engine ist zu alt.</translation>
    </message>
    <message>
        <source>Check that Docker works in a terminal, then press Retry.</source>
        <translation>Prüfen Sie in einem Terminal, ob Docker funktioniert, und klicken Sie dann auf „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>The existing config file has a problem; fix it by hand or let setup start over (a copy of the old file is kept).</source>
        <translation>Die vorhandene Konfigurationsdatei ist fehlerhaft; beheben Sie das von Hand oder lassen Sie die Einrichtung neu beginnen (eine Kopie der alten Datei bleibt erhalten).</translation>
    </message>
    <message>
        <source>Port %1 is taken. Use port %2 instead, or free the port.</source>
        <translation>Port %1 ist belegt. Verwenden Sie stattdessen Port %2 oder geben Sie den Port frei.</translation>
    </message>
    <message>
        <source>Port %1 is taken by %2. Use port %3 instead, or free the port.</source>
        <translation>Port %1 ist von %2 belegt. Verwenden Sie stattdessen Port %3 oder geben Sie den Port frei.</translation>
    </message>
    <message>
        <source>Port %1 is taken. Choose another port.</source>
        <translation>Port %1 ist belegt. Wählen Sie einen anderen Port.</translation>
    </message>
    <message>
        <source>Check that this machine reaches the engine over ssh, then press Retry.</source>
        <translation>Prüfen Sie, ob dieser Computer die Engine per ssh erreicht, und klicken Sie dann auf „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>Check the host, port and TLS settings, and that the engine listens there, then press Retry.</source>
        <translation>Prüfen Sie Host, Port und TLS-Einstellungen und ob die Engine dort lauscht, und klicken Sie dann auf „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>Start Docker Desktop, then press Retry.</source>
        <translation>Starten Sie Docker Desktop und klicken Sie dann auf „Erneut prüfen“.</translation>
    </message>
</context>
<context>
    <name>occ::ErrorPresenter</name>
    <message>
        <source>Could not create the folder %1%2.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden%2.</translation>
    </message>
    <message>
        <source>Could not write %1%2.</source>
        <translation>%1 konnte nicht geschrieben werden%2.</translation>
    </message>
    <message>
        <source>Could not remove %1%2.</source>
        <translation>%1 konnte nicht entfernt werden%2.</translation>
    </message>
    <message>
        <source>You have no permission to use Docker. The setup wizard shows how to get it.</source>
        <translation>Sie haben keine Berechtigung, Docker zu benutzen. Der Einrichtungsassistent zeigt, wie Sie sie bekommen.</translation>
    </message>
    <message>
        <source>This Docker engine is too old for opencode-cloud. Update Docker to 20.10 or newer.</source>
        <translation>Diese Docker-Engine ist zu alt für opencode-cloud. Aktualisieren Sie Docker auf 20.10 oder neuer.</translation>
    </message>
    <message>
        <source>Docker is not running or not installed. The setup wizard shows how to start it.</source>
        <translation>Docker läuft nicht oder ist nicht installiert. Der Einrichtungsassistent zeigt, wie Sie es starten.</translation>
    </message>
    <message>
        <source>Port %1 is in use by another program. Stop that program, or choose another port in Settings.</source>
        <translation>Port %1 wird von einem anderen Programm benutzt. Beenden Sie dieses Programm oder wählen Sie in den Einstellungen einen anderen Port.</translation>
    </message>
    <message>
        <source>A container named &quot;%1&quot; already exists and was not made by opencode-cloud. Remove or rename it with your Docker tools, then try again.</source>
        <translation>Ein Container namens „%1“ existiert bereits und stammt nicht von opencode-cloud. Entfernen oder benennen Sie ihn mit Ihren Docker-Werkzeugen um und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Something else holds what opencode-cloud needs (a port or a container name). The app&apos;s log has the details.</source>
        <translation>Etwas anderes belegt, was opencode-cloud braucht (einen Port oder einen Containernamen). Das Protokoll der App enthält die Einzelheiten.</translation>
    </message>
    <message>
        <source>opencode-cloud is not set up yet.</source>
        <translation>opencode-cloud ist noch nicht eingerichtet.</translation>
    </message>
    <message>
        <source>The settings do not allow this start (for example, listening on the network without a password). Review them in Settings; the app&apos;s log has the details.</source>
        <translation>Die Einstellungen erlauben diesen Start nicht (zum Beispiel im Netzwerk erreichbar ohne Passwort). Prüfen Sie sie in den Einstellungen; das Protokoll der App enthält die Einzelheiten.</translation>
    </message>
    <message>
        <source>The opencode image could not be built. The logs show the step that failed.</source>
        <translation>Das opencode-Image konnte nicht gebaut werden. Die Protokolle zeigen den fehlgeschlagenen Schritt.</translation>
    </message>
    <message>
        <source>opencode did not become ready in time, or stopped while starting. The logs show why.</source>
        <translation>opencode wurde nicht rechtzeitig bereit oder hat sich beim Start beendet. Die Protokolle zeigen, warum.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Something went wrong. The app&apos;s log has the details.</source>
        <translation>Etwas ist schiefgegangen. Das Protokoll der App enthält die Einzelheiten.</translation>
    </message>
    <message>
        <source>Docker is not running or not installed.</source>
        <translation>Docker läuft nicht oder ist nicht installiert.</translation>
    </message>
    <message>
        <source>You have no permission to use Docker.</source>
        <translation>Sie haben keine Berechtigung, Docker zu benutzen.</translation>
    </message>
    <message>
        <source>Docker does not know it: %1.</source>
        <translation>Docker kennt es nicht: %1.</translation>
    </message>
    <message>
        <source>Docker is busy with it: %1. Wait a moment and try again.</source>
        <translation>Docker ist damit beschäftigt: %1. Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Docker did not answer in time. It may be overloaded; try again in a moment.</source>
        <translation>Docker hat nicht rechtzeitig geantwortet. Es ist vielleicht überlastet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The connection to Docker broke. Check that Docker is still running.</source>
        <translation>Die Verbindung zu Docker ist abgebrochen. Prüfen Sie, ob Docker noch läuft.</translation>
    </message>
    <message>
        <source>Docker reported an error: %1</source>
        <translation>Docker meldet einen Fehler: %1</translation>
    </message>
    <message>
        <source>Windows did not let opencode-cloud change %1%2.</source>
        <translation>Windows hat opencode-cloud nicht erlaubt, %1 zu ändern%2.</translation>
    </message>
    <message>
        <source>Open the setup wizard</source>
        <translation>Einrichtungsassistent öffnen</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Show the logs</source>
        <translation>Protokolle anzeigen</translation>
    </message>
    <message>
        <source>Start Docker, or let the setup wizard check it and show how to install it.</source>
        <translation>Starten Sie Docker, oder lassen Sie den Einrichtungsassistenten es prüfen und zeigen, wie Sie es installieren.</translation>
    </message>
    <message>
        <source>Your user needs permission to use Docker; the setup wizard shows how to get it.</source>
        <translation>Ihr Benutzer braucht die Berechtigung, Docker zu benutzen; der Einrichtungsassistent zeigt, wie Sie sie bekommen.</translation>
    </message>
    <message>
        <source>Check that this computer can log in to %1 with ssh and use Docker there.</source>
        <translation>Prüfen Sie, ob sich dieser Computer per ssh bei %1 anmelden und dort Docker benutzen kann.</translation>
    </message>
    <message>
        <source>Choose another port in Settings, or stop the program that uses it.</source>
        <translation>Wählen Sie in den Einstellungen einen anderen Port, oder beenden Sie das Programm, das ihn belegt.</translation>
    </message>
    <message>
        <source>Remove or rename the other container with your Docker tools, then try again.</source>
        <translation>Entfernen Sie den anderen Container mit Ihren Docker-Werkzeugen oder benennen Sie ihn um, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Set a password in Settings.</source>
        <translation>Legen Sie in den Einstellungen ein Passwort fest.</translation>
    </message>
    <message>
        <source>Or let only this computer connect, in Settings.</source>
        <translation>Oder lassen Sie in den Einstellungen nur Verbindungen von diesem Computer zu.</translation>
    </message>
    <message>
        <source>Set up opencode-cloud with the setup wizard.</source>
        <translation>Richten Sie opencode-cloud mit dem Einrichtungsassistenten ein.</translation>
    </message>
    <message>
        <source>Turn on the front door so that the TLS setting takes effect.</source>
        <translation>Schalten Sie die Front Door ein, damit die TLS-Einstellung wirkt.</translation>
    </message>
    <message>
        <source>The logs show why.</source>
        <translation>Die Protokolle zeigen, warum.</translation>
    </message>
    <message>
        <source>Change the setting &quot;%1&quot; (in Settings, or in the config file).</source>
        <translation>Ändern Sie die Einstellung „%1“ (in den Einstellungen oder in der Konfigurationsdatei).</translation>
    </message>
    <message>
        <source>Check the setting&apos;s name in Settings.</source>
        <translation>Prüfen Sie den Namen der Einstellung in den Einstellungen.</translation>
    </message>
    <message>
        <source>The service&apos;s status and logs on its host show why.</source>
        <translation>Status und Protokolle des Dienstes auf seinem Host zeigen, warum.</translation>
    </message>
    <message>
        <source>Enter the user name and password to log in with.</source>
        <translation>Geben Sie den Benutzernamen und das Passwort ein, mit denen angemeldet werden soll.</translation>
    </message>
    <message>
        <source>The front door&apos;s settings do not fit together (TLS mode, public address, ports or e-mail). Review them; the app&apos;s log names the setting.</source>
        <translation>Die Einstellungen der Front Door passen nicht zusammen (TLS-Modus, öffentliche Adresse, Ports oder E-Mail). Prüfen Sie sie; das Protokoll der App nennt die Einstellung.</translation>
    </message>
    <message>
        <source>The TLS certificate or key cannot be used (unreadable, not PEM, not matching, out of date or for another name). The app&apos;s log says which.</source>
        <translation>Das TLS-Zertifikat oder der Schlüssel ist nicht verwendbar (nicht lesbar, kein PEM, passt nicht, abgelaufen oder für einen anderen Namen). Das Protokoll der App sagt, was davon.</translation>
    </message>
    <message>
        <source>The local certificate authority for the front door could not be made. The app&apos;s log says why.</source>
        <translation>Die lokale Zertifizierungsstelle für die Front Door konnte nicht erstellt werden. Das Protokoll der App sagt, warum.</translation>
    </message>
    <message>
        <source>Port %1 or %2 for the front door is in use by another program. Stop that program, or choose other ports.</source>
        <translation>Port %1 oder %2 für die Front Door wird von einem anderen Programm belegt. Beenden Sie dieses Programm, oder wählen Sie andere Ports.</translation>
    </message>
    <message>
        <source>The front door (Caddy) could not be built or started. The logs show why.</source>
        <translation>Die Front Door (Caddy) konnte nicht gebaut oder gestartet werden. Die Protokolle zeigen, warum.</translation>
    </message>
    <message>
        <source>Docker could not make the private network between the front door and opencode. The logs show why.</source>
        <translation>Docker konnte das private Netzwerk zwischen der Front Door und opencode nicht anlegen. Die Protokolle zeigen, warum.</translation>
    </message>
    <message>
        <source>Docker failed while handling the front door. The logs show why.</source>
        <translation>Docker ist bei der Arbeit an der Front Door gescheitert. Die Protokolle zeigen, warum.</translation>
    </message>
    <message>
        <source>TLS is set to &quot;%1&quot;, but the front door is off: TLS needs the front door, so opencode stays on plain HTTP.</source>
        <translation>TLS ist auf „%1“ gestellt, aber die Front Door ist aus: TLS braucht die Front Door, daher bleibt opencode bei unverschlüsseltem HTTP.</translation>
    </message>
    <message>
        <source>Turn on the front door</source>
        <translation>Front Door einschalten</translation>
    </message>
</context>
<context>
    <name>occ::FinishPage</name>
    <message>
        <source>&amp;Open in browser</source>
        <translation>Im &amp;Browser öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy password</source>
        <translation>Passwort &amp;kopieren</translation>
    </message>
    <message>
        <source>All set</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>opencode-cloud keeps running in the system tray: its icon shows the service&apos;s health, and its menu starts, stops and opens it.</source>
        <translation>opencode-cloud läuft im Systembereich weiter: Das Symbol zeigt den Zustand des Dienstes, sein Menü startet, stoppt und öffnet ihn.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>opencode is running. Open it in your browser and sign in with the password below.</source>
        <translation>opencode läuft. Öffnen Sie es im Browser und melden Sie sich mit dem Passwort unten an.</translation>
    </message>
    <message>
        <source>Your choices are saved, but the service is not running yet. Start it from the tray menu once the problem is fixed.</source>
        <translation>Ihre Auswahl ist gespeichert, aber der Dienst läuft noch nicht. Starten Sie ihn über das Menü im Systembereich, sobald das Problem behoben ist.</translation>
    </message>
    <message>
        <source>Your choices are saved. Start the service from the tray menu.</source>
        <translation>Ihre Auswahl ist gespeichert. Starten Sie den Dienst über das Menü im Systembereich.</translation>
    </message>
</context>
<context>
    <name>occ::LogViewer</name>
    <message>
        <source>stdout</source>
        <translation>stdout</translation>
    </message>
    <message>
        <source>stderr</source>
        <translation>stderr</translation>
    </message>
    <message>
        <source>&amp;Timestamps</source>
        <translation>&amp;Zeitstempel</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern …</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>opencode-cloud logs</source>
        <translation>opencode-cloud-Protokolle</translation>
    </message>
    <message>
        <source>Service (container)</source>
        <translation>Dienst (Container)</translation>
    </message>
    <message>
        <source>opencode-cloud app</source>
        <translation>opencode-cloud-Anwendung</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Mitlaufen</translation>
    </message>
    <message>
        <source>Follow new lines; turn off to pause the view</source>
        <translation>Neuen Zeilen folgen; ausschalten, um die Ansicht anzuhalten</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message numerus="yes">
        <source>Paused: %n new line(s) not shown. Turn on Follow to see them.</source>
        <translation>
            <numerusform>Angehalten: %n neue Zeile nicht angezeigt. Schalten Sie „Mitlaufen“ ein, um sie zu sehen.</numerusform>
            <numerusform>Angehalten: %n neue Zeilen nicht angezeigt. Schalten Sie „Mitlaufen“ ein, um sie zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrapped around</source>
        <translation>Vom Anfang fortgesetzt</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Protokolldateien (*.log *.txt)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>occ::Notifier</name>
    <message>
        <source>opencode-cloud crashed</source>
        <translation>opencode-cloud ist abgestürzt</translation>
    </message>
    <message numerus="yes">
        <source>The service stopped unexpectedly and Docker restarted it (%n restart(s) so far).</source>
        <translation>
            <numerusform>Der Dienst wurde unerwartet beendet und von Docker neu gestartet (bisher %n Neustart).</numerusform>
            <numerusform>Der Dienst wurde unerwartet beendet und von Docker neu gestartet (bisher %n Neustarts).</numerusform>
        </translation>
    </message>
    <message>
        <source>opencode-cloud updated</source>
        <translation>opencode-cloud aktualisiert</translation>
    </message>
    <message>
        <source>The update finished and the service is running.</source>
        <translation>Die Aktualisierung ist abgeschlossen und der Dienst läuft.</translation>
    </message>
    <message>
        <source>The service now runs opencode %1.</source>
        <translation>Der Dienst verwendet jetzt opencode %1.</translation>
    </message>
    <message>
        <source>opencode-cloud update finished</source>
        <translation>Aktualisierung von opencode-cloud abgeschlossen</translation>
    </message>
    <message>
        <source>The update finished, but the service is not healthy. Show the logs to see why.</source>
        <translation>Die Aktualisierung ist abgeschlossen, aber der Dienst ist nicht in Ordnung. Die Protokolle zeigen, warum.</translation>
    </message>
    <message>
        <source>opencode-cloud is not responding</source>
        <translation>opencode-cloud antwortet nicht</translation>
    </message>
    <message>
        <source>The service is running but stopped answering.</source>
        <translation>Der Dienst läuft, antwortet aber nicht mehr.</translation>
    </message>
    <message>
        <source>The service stopped unexpectedly; Docker is restarting it.</source>
        <translation>Der Dienst wurde unerwartet beendet; Docker startet ihn neu.</translation>
    </message>
    <message>
        <source>opencode-cloud recovered</source>
        <translation>opencode-cloud läuft wieder</translation>
    </message>
    <message>
        <source>The service is answering again.</source>
        <translation>Der Dienst antwortet wieder.</translation>
    </message>
    <message>
        <source>The service does not respond: %1.</source>
        <translation>Der Dienst antwortet nicht: %1.</translation>
    </message>
</context>
<context>
    <name>occ::PersistencePage</name>
    <message>
        <source>Where your work is kept</source>
        <translation>Wo Ihre Arbeit gespeichert wird</translation>
    </message>
    <message>
        <source>Everything survives restarts and updates. Nothing is ever deleted by setup.</source>
        <translation>Alles übersteht Neustarts und Aktualisierungen. Die Einrichtung löscht niemals etwas.</translation>
    </message>
</context>
<context>
    <name>occ::PersistenceWidget</name>
    <message>
        <source>Docker &amp;volumes (recommended)</source>
        <translation>Docker-&amp;Volumes (empfohlen)</translation>
    </message>
    <message>
        <source>A &amp;folder on this computer for the workspace</source>
        <translation>Ein &amp;Ordner auf diesem Computer für den Arbeitsbereich</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>Ordner für den Arbeitsbereich</translation>
    </message>
    <message>
        <source>Your projects and opencode&apos;s data live in Docker volumes that survive updates and re-creating the container.</source>
        <translation>Ihre Projekte und die Daten von opencode liegen in Docker-Volumes, die Aktualisierungen und das Neuanlegen des Containers überstehen.</translation>
    </message>
    <message>
        <source>Existing volumes are kept whatever you choose: %1</source>
        <translation>Vorhandene Volumes bleiben in jedem Fall erhalten: %1</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <source>Use an absolute path.</source>
        <translation>Verwenden Sie einen absoluten Pfad.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>The folder will be created.</source>
        <translation>Der Ordner wird angelegt.</translation>
    </message>
</context>
<context>
    <name>occ::ProxyPage</name>
    <message>
        <source>Public address</source>
        <translation>Öffentliche Adresse</translation>
    </message>
    <message>
        <source>The address people type into their browser, served by your load balancer or proxy.</source>
        <translation>Die Adresse, die man im Browser eingibt, bereitgestellt von Ihrem Load Balancer oder Proxy.</translation>
    </message>
    <message>
        <source>Point your proxy at this computer&apos;s port and let it handle TLS. opencode still asks for the password you set on the next page.</source>
        <translation>Leiten Sie Ihren Proxy auf den Port dieses Computers und lassen Sie ihn TLS übernehmen. opencode fragt weiterhin nach dem Passwort, das Sie auf der nächsten Seite festlegen.</translation>
    </message>
</context>
<context>
    <name>occ::PublicUrlWidget</name>
    <message>
        <source>The proxy runs on this computer (listen on 127.0.0.1 only)</source>
        <translation>Der Proxy läuft auf diesem Computer (nur auf 127.0.0.1 lauschen)</translation>
    </message>
    <message>
        <source>Public &amp;URL:</source>
        <translation>Öffentliche &amp;URL:</translation>
    </message>
    <message>
        <source>Enter the URL your proxy serves, e.g. https://code.example.com</source>
        <translation>Geben Sie die URL Ihres Proxys ein, z. B. https://code.example.com</translation>
    </message>
    <message>
        <source>opencode will tell browsers to use this address.</source>
        <translation>opencode teilt Browsern mit, diese Adresse zu verwenden.</translation>
    </message>
</context>
<context>
    <name>occ::RestartPage</name>
    <message>
        <source>Start the service when I press Apply</source>
        <translation>Dienst beim Klick auf „Anwenden“ starten</translation>
    </message>
    <message>
        <source>Keeping it running</source>
        <translation>Damit er läuft</translation>
    </message>
    <message>
        <source>Docker restarts the service after a crash or a reboot, as you choose here.</source>
        <translation>Docker startet den Dienst nach einem Absturz oder Neustart so neu, wie Sie es hier wählen.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>nur dieser Computer</translation>
    </message>
    <message>
        <source>your network</source>
        <translation>Ihr Netzwerk</translation>
    </message>
    <message>
        <source>through your proxy</source>
        <translation>über Ihren Proxy</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>beibehalten</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>erzeugt</translation>
    </message>
    <message>
        <source>your own</source>
        <translation>eigenes</translation>
    </message>
    <message>
        <source>Docker volumes</source>
        <translation>Docker-Volumes</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Address:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt; (%2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Password:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Workspace:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Adresse:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt; (%2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Passwort:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Arbeitsbereich:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>occ::RestartPolicyWidget</name>
    <message>
        <source>Start opencode-cloud when I log in</source>
        <translation>opencode-cloud beim Anmelden starten</translation>
    </message>
    <message>
        <source>Always keep it running, unless I stop it</source>
        <translation>Immer laufen lassen, außer ich stoppe ihn</translation>
    </message>
    <message>
        <source>Always keep it running</source>
        <translation>Immer laufen lassen</translation>
    </message>
    <message>
        <source>Restart only after a crash</source>
        <translation>Nur nach einem Absturz neu starten</translation>
    </message>
    <message>
        <source>Never restart automatically</source>
        <translation>Nie automatisch neu starten</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>&amp;Restart policy:</source>
        <translation>&amp;Neustartrichtlinie:</translation>
    </message>
    <message>
        <source>Give up after &amp;crashes:</source>
        <translation>Aufgeben nach &amp;Abstürzen:</translation>
    </message>
</context>
<context>
    <name>occ::SettingsDialog</name>
    <message>
        <source>opencode-cloud settings</source>
        <translation>opencode-cloud-Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Access</source>
        <translation>&amp;Zugriff</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>&amp;Speicher</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>The port is already in use.</source>
        <translation>Der Port ist bereits belegt.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The settings could not be saved:
%1</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden:
%1</translation>
    </message>
    <message>
        <source>The front door will be turned on when you save.</source>
        <translation>Die Front Door wird beim Speichern eingeschaltet.</translation>
    </message>
</context>
<context>
    <name>occ::SetupWizard</name>
    <message>
        <source>opencode-cloud setup (editing your existing setup)</source>
        <translation>opencode-cloud einrichten (bestehende Einrichtung bearbeiten)</translation>
    </message>
    <message>
        <source>opencode-cloud setup</source>
        <translation>opencode-cloud einrichten</translation>
    </message>
</context>
<context>
    <name>occ::StatusPresenter</name>
    <message numerus="yes">
        <source>%n s</source>
        <comment>seconds</comment>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <comment>hours</comment>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <comment>days</comment>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation>Nicht eingerichtet</translation>
    </message>
    <message>
        <source>Docker unavailable</source>
        <translation>Docker nicht verfügbar</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>Startet neu</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>Wird aktualisiert</translation>
    </message>
    <message>
        <source>Not set up yet</source>
        <translation>Noch nicht eingerichtet</translation>
    </message>
    <message>
        <source>opencode-cloud is not set up yet. Open the setup wizard to start.</source>
        <translation>opencode-cloud ist noch nicht eingerichtet. Öffnen Sie den Einrichtungsassistenten, um zu beginnen.</translation>
    </message>
    <message>
        <source>opencode-cloud: %1</source>
        <translation>opencode-cloud: %1</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>opencode-cloud is stopped</source>
        <translation>opencode-cloud ist gestoppt</translation>
    </message>
    <message>
        <source>opencode-cloud is starting</source>
        <translation>opencode-cloud startet</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>opencode-cloud is running at %1</source>
        <translation>opencode-cloud läuft unter %1</translation>
    </message>
    <message>
        <source>not responding</source>
        <translation>antwortet nicht</translation>
    </message>
    <message>
        <source>opencode-cloud is running but does not respond</source>
        <translation>opencode-cloud läuft, antwortet aber nicht</translation>
    </message>
    <message>
        <source>opencode-cloud does not respond: %1</source>
        <translation>opencode-cloud antwortet nicht: %1</translation>
    </message>
    <message numerus="yes">
        <source>restarted %n time(s)</source>
        <translation>
            <numerusform>%n-mal neu gestartet</numerusform>
            <numerusform>%n-mal neu gestartet</numerusform>
        </translation>
    </message>
    <message>
        <source>opencode-cloud keeps crashing; Docker is restarting it. Show the logs to see why.</source>
        <translation>opencode-cloud stürzt wiederholt ab; Docker startet es neu. Die Protokolle zeigen, warum.</translation>
    </message>
    <message>
        <source>opencode-cloud is being updated</source>
        <translation>opencode-cloud wird aktualisiert</translation>
    </message>
    <message>
        <source>opencode %1</source>
        <translation>opencode %1</translation>
    </message>
    <message>
        <source>Following the service&apos;s output.</source>
        <translation>Die Ausgabe des Dienstes wird verfolgt.</translation>
    </message>
    <message>
        <source>The service is stopped; waiting for it to start.</source>
        <translation>Der Dienst ist gestoppt; es wird auf seinen Start gewartet.</translation>
    </message>
    <message>
        <source>%1 Waiting for the service to come back.</source>
        <translation>%1 Es wird gewartet, bis der Dienst wieder da ist.</translation>
    </message>
    <message>
        <source>The service stopped; waiting for it to come back.</source>
        <translation>Der Dienst wurde beendet; es wird gewartet, bis er wieder da ist.</translation>
    </message>
    <message>
        <source>Cannot tell where the Docker engine is (%1).</source>
        <translation>Es ist unklar, wo die Docker-Engine ist (%1).</translation>
    </message>
    <message>
        <source>%1 Trying again.</source>
        <translation>%1 Neuer Versuch folgt.</translation>
    </message>
    <message>
        <source>cannot tell where the Docker engine is (%1)</source>
        <translation>unklar, wo die Docker-Engine ist (%1)</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>noch nicht angelegt</translation>
    </message>
    <message>
        <source>crashed with exit code %1</source>
        <translation>mit Exit-Code %1 abgestürzt</translation>
    </message>
    <message>
        <source>its health check fails</source>
        <translation>seine Zustandsprüfung schlägt fehl</translation>
    </message>
    <message>
        <source>it answers HTTP %1</source>
        <translation>es antwortet mit HTTP %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>no answer (%1)</source>
        <translation>keine Antwort (%1)</translation>
    </message>
</context>
<context>
    <name>occ::StatusWindow</name>
    <message>
        <source>opencode-cloud</source>
        <translation>opencode-cloud</translation>
    </message>
    <message>
        <source>Your desktop has no system tray, so opencode-cloud shows this window instead.</source>
        <translation>Ihre Arbeitsumgebung hat keinen Systembereich, daher zeigt opencode-cloud stattdessen dieses Fenster.</translation>
    </message>
</context>
<context>
    <name>occ::TrayActions</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>&amp;Open in browser</source>
        <translation>Im &amp;Browser öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy password</source>
        <translation>Passwort &amp;kopieren</translation>
    </message>
    <message>
        <source>Show &amp;logs</source>
        <translation>&amp;Protokolle anzeigen</translation>
    </message>
    <message>
        <source>Setup &amp;wizard…</source>
        <translation>Einrichtungs&amp;assistent …</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>occ::TrayApp</name>
    <message>
        <source>opencode-cloud could not be stopped</source>
        <translation>opencode-cloud konnte nicht gestoppt werden</translation>
    </message>
    <message>
        <source>opencode-cloud could not be started</source>
        <translation>opencode-cloud konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>No password</source>
        <translation>Kein Passwort</translation>
    </message>
    <message>
        <source>No password is stored. Set one in Settings.</source>
        <translation>Es ist kein Passwort gespeichert. Legen Sie eines in den Einstellungen fest.</translation>
    </message>
    <message>
        <source>Password copied</source>
        <translation>Passwort kopiert</translation>
    </message>
    <message>
        <source>The password for user &quot;%1&quot; is on the clipboard.</source>
        <translation>Das Passwort für Benutzer „%1“ ist in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The config file has problems; fix them first:
%1</source>
        <translation>Die Konfigurationsdatei ist fehlerhaft; beheben Sie das zuerst:
%1</translation>
    </message>
    <message>
        <source>Restart the service?</source>
        <translation>Dienst neu starten?</translation>
    </message>
    <message>
        <source>The new settings take effect when the service restarts. Restart it now?</source>
        <translation>Die neuen Einstellungen gelten nach einem Neustart des Dienstes. Jetzt neu starten?</translation>
    </message>
    <message>
        <source>Click here: %1.</source>
        <translation>Hier klicken: %1.</translation>
    </message>
    <message>
        <source>%1?</source>
        <comment>offer a remedy as a question: &quot;Open Settings?&quot;</comment>
        <translation>%1?</translation>
    </message>
    <message>
        <source>The settings could not be saved:
%1</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden:
%1</translation>
    </message>
</context>
<context>
    <name>occ::WelcomePage</name>
    <message>
        <source>Welcome to opencode-cloud</source>
        <translation>Willkommen bei opencode-cloud</translation>
    </message>
    <message>
        <source>Run the opencode AI coding agent as a persistent, secure service on this computer.</source>
        <translation>Betreiben Sie den KI-Programmieragenten opencode als dauerhaften, sicheren Dienst auf diesem Computer.</translation>
    </message>
    <message>
        <source>&lt;p&gt;This wizard will:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;check that Docker works on this computer,&lt;/li&gt;&lt;li&gt;ask who may connect and with which password,&lt;/li&gt;&lt;li&gt;ask where your work is kept and how the service restarts,&lt;/li&gt;&lt;li&gt;build and start the service, and show you its address.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Nothing is changed until the last step.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieser Assistent wird:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;prüfen, ob Docker auf diesem Computer funktioniert,&lt;/li&gt;&lt;li&gt;fragen, wer sich mit welchem Passwort verbinden darf,&lt;/li&gt;&lt;li&gt;fragen, wo Ihre Arbeit gespeichert wird und wie der Dienst neu startet,&lt;/li&gt;&lt;li&gt;den Dienst bauen und starten und Ihnen seine Adresse zeigen.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Bis zum letzten Schritt wird nichts verändert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;You already have a setup.&lt;/b&gt; The pages show its current settings; what you change is applied at the end. Your projects, sessions and keys are kept.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Sie haben bereits eine Einrichtung.&lt;/b&gt; Die Seiten zeigen deren aktuelle Einstellungen; was Sie ändern, wird am Ende angewendet. Ihre Projekte, Sitzungen und Schlüssel bleiben erhalten.&lt;/p&gt;</translation>
    </message>
</context>
</TS>
