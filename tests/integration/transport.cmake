# The transport against the real engine: unix socket, tcp (through socat), ssh (through a throwaway sshd
# from tests/harness/ssh-localhost.sh), and the errors a real setup produces. Needs root for the sshd and
# to drop to `nobody` for the permission case.
occ_add_test(NAME TestTransportIntegration SOURCES integration/TestTransportIntegration.cpp
    LIBS occ_transport Qt6::Network LABELS integration DOCKER TIMEOUT 600)
