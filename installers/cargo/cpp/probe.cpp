// Linked only so that CMake computes the full link line of occ_cargo_entry (see CMakeLists.txt).
extern "C" int occ_main(int argc, char** argv);
int main(int argc, char** argv)
{
    return occ_main(argc, argv);
}
