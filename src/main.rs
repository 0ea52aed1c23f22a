fn main() {
    rift::start();
}
