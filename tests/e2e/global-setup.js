module.exports = () => require('./server').start();
